package org.hutong.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditHead;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;
import org.hutong.audit.domain.AuditRepository.Positioned;
import org.hutong.audit.domain.UnsealedEntry;

/** Reads run in a transaction: the unsealed entries are read through the transaction's own connection. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class AuditService implements AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditService.class.getName());
    private static final int CHUNK = 1000;

    @Inject
    AuditRepository repository;

    @Inject
    AuditTrail trail;

    @Inject
    AuditKeys keys;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSecurityEvent(AuditEntry entry) {
        trail.record(entry);
        LOG.log(Level.WARNING, "Security event {0} by {1} on {2}: {3} ({4})",
                new Object[] {entry.action(), entry.actor(), entry.target(), entry.outcome(), entry.detail()});
    }

    @Override
    public List<AuditView> find(String actor, String action, Instant since, Instant until, long after, int limit) {
        // Unsealed first: an entry the sealer moves meanwhile is then among the sealed records read next.
        List<UnsealedEntry> unsealed = repository.unsealed(actor, action, since, until, limit);
        List<AuditRecord> sealed = repository.find(actor, action, since, until, after, limit);
        List<AuditView> page = new ArrayList<>(sealed.stream().map(AuditView::of).toList());
        if (sealed.size() < limit) {
            Set<String> sealedEntries = new HashSet<>();
            sealed.forEach(record -> record.entryId().ifPresent(sealedEntries::add));
            unsealed.stream().filter(entry -> !sealedEntries.contains(entry.entryId())).limit(limit - sealed.size())
                    .map(AuditView::of).forEach(page::add);
        }
        return page;
    }

    @Override
    public ChainVerification verify() {
        AuditHead head = repository.head();
        ChainVerification verdict = walk(head);
        if (verdict.intact()) {
            verdict = checkUnsealed(verdict.records());
        }
        if (!verdict.intact()) {
            LOG.log(Level.SEVERE, "The audit trail is broken at {0}: {1}", new Object[] {verdict.firstBroken() != null
                    ? "record " + verdict.firstBroken() : "unsealed entry " + verdict.brokenEntry(), verdict.reason()});
        } else {
            LOG.log(Level.INFO, "Audit checkpoint: the chain is intact up to record {0}, hash {1}; {2} entries wait"
                    + " to be sealed", new Object[] {head.lastNumber(), head.lastHash(), verdict.unsealed()});
        }
        return verdict;
    }

    private ChainVerification checkUnsealed(long sealedRecords) {
        long position = 0;
        long checked = 0;
        while (true) {
            List<Positioned> chunk = repository.unsealed(position, CHUNK);
            for (Positioned unsealed : chunk) {
                if (!unsealed.entry().holds(keys.key())) {
                    return new ChainVerification(false, sealedRecords, checked, null, unsealed.entry().entryId(),
                            "this unsealed entry does not match its HMAC under the audit key: it was written or edited"
                                    + " without the key");
                }
                position = unsealed.position();
                checked++;
            }
            if (chunk.size() < CHUNK) {
                return new ChainVerification(true, sealedRecords, checked, null, null, null);
            }
        }
    }

    private ChainVerification walk(AuditHead head) {
        long expected = 1;
        String previousHash = AuditRecord.GENESIS;
        long checked = 0;
        while (true) {
            List<AuditRecord> chunk = repository.find(null, null, null, null, expected - 1, CHUNK);
            for (AuditRecord record : chunk) {
                if (record.number() > head.lastNumber()) {
                    // Sealed after the head was read: outside this check.
                    return new ChainVerification(true, checked, 0, null, null, null);
                }
                if (record.number() != expected) {
                    return ChainVerification.brokenRecord(checked, expected, "record " + expected + " is missing");
                }
                if (!record.previousHash().equals(previousHash)) {
                    return ChainVerification.brokenRecord(checked, expected,
                            "its previous hash is not the hash of record " + (expected - 1));
                }
                Optional<String> computed = record.computedHash(keys.key());
                if (computed.isEmpty()) {
                    return ChainVerification.brokenRecord(checked, expected, "it is not sealed with the audit key ("
                            + record.algorithm() + "): anyone could have recomputed its hash");
                }
                if (!computed.get().equals(record.hash())) {
                    return ChainVerification.brokenRecord(checked, expected,
                            "its content does not match its hash under the audit key");
                }
                previousHash = record.hash();
                expected++;
                checked++;
            }
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        if (checked < head.lastNumber()) {
            return ChainVerification.brokenRecord(checked, checked + 1, "the chain ends at record " + checked
                    + " but its head says " + head.lastNumber());
        }
        if (!previousHash.equals(head.lastHash())) {
            return ChainVerification.brokenRecord(checked, checked, "the last record's hash is not the head's");
        }
        return new ChainVerification(true, checked, 0, null, null, null);
    }
}
