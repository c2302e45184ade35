package org.hutong.audit.application;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.UnsealedEntry;

/**
 * An audit record as {@code GET /api/v1/audit} hands it out: sealed (numbered and chained), or an
 * entry the sealer has not reached yet (no number and no link; its hash is its own HMAC).
 */
@JsonbPropertyOrder({"number", "sealed", "entry", "at", "actor", "action", "target", "outcome", "detail", "algorithm",
        "previousHash", "hash"})
public record AuditView(Long number, boolean sealed, String entry, Instant at, String actor, String action,
        String target, String outcome, String detail, String algorithm, String previousHash, String hash) {

    static AuditView of(AuditRecord record) {
        return new AuditView(record.number(), true, record.entryId().orElse(null), record.occurredAt(), record.actor(),
                record.action(), record.target().orElse(null), record.outcome(), record.detail().orElse(null),
                record.algorithm(), record.previousHash(), record.hash());
    }

    static AuditView of(UnsealedEntry unsealed) {
        return new AuditView(null, false, unsealed.entryId(), unsealed.at(), unsealed.entry().actor(),
                unsealed.entry().action(), unsealed.entry().target(), unsealed.entry().outcome(),
                unsealed.entry().detail(), unsealed.algorithm(), null, unsealed.hash());
    }
}
