package org.hutong.audit.application;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.hutong.audit.domain.AuditRecord;

/** An audit record as {@code GET /api/v1/audit} hands it out. */
@JsonbPropertyOrder({"number", "at", "actor", "action", "target", "outcome", "detail", "algorithm", "previousHash", "hash"})
public record AuditView(long number, Instant at, String actor, String action, String target, String outcome,
        String detail, String algorithm, String previousHash, String hash) {

    static AuditView of(AuditRecord record) {
        return new AuditView(record.number(), record.occurredAt(), record.actor(), record.action(),
                record.target().orElse(null), record.outcome(), record.detail().orElse(null), record.algorithm(),
                record.previousHash(), record.hash());
    }
}
