package org.hutong.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditHead;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
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
        return repository.find(actor, action, since, until, after, limit).stream().map(AuditView::of).toList();
    }

    @Override
    public ChainVerification verify() {
        AuditHead head = repository.head();
        ChainVerification verdict = walk(head);
        if (!verdict.intact()) {
            LOG.log(Level.SEVERE, "The audit chain is broken at record {0}: {1}",
                    new Object[] {verdict.firstBroken(), verdict.reason()});
        } else {
            LOG.log(Level.INFO, "Audit checkpoint: the chain is intact up to record {0}, hash {1}",
                    new Object[] {head.lastNumber(), head.lastHash()});
        }
        return verdict;
    }

    private ChainVerification walk(AuditHead head) {
        long expected = 1;
        String previousHash = AuditRecord.GENESIS;
        long checked = 0;
        while (true) {
            List<AuditRecord> chunk = repository.find(null, null, null, null, expected - 1, CHUNK);
            for (AuditRecord record : chunk) {
                if (record.number() > head.lastNumber()) {
                    // Appended after the head was read: outside this check.
                    return new ChainVerification(true, checked, null, null);
                }
                if (record.number() != expected) {
                    return new ChainVerification(false, checked, expected, "record " + expected + " is missing");
                }
                if (!record.previousHash().equals(previousHash)) {
                    return new ChainVerification(false, checked, expected,
                            "its previous hash is not the hash of record " + (expected - 1));
                }
                Optional<String> computed = record.computedHash(keys.key());
                if (computed.isEmpty()) {
                    return new ChainVerification(false, checked, expected, "it is not sealed with the audit key ("
                            + record.algorithm() + "): anyone could have recomputed its hash");
                }
                if (!computed.get().equals(record.hash())) {
                    return new ChainVerification(false, checked, expected,
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
            return new ChainVerification(false, checked, checked + 1, "the chain ends at record " + checked
                    + " but its head says " + head.lastNumber());
        }
        if (!previousHash.equals(head.lastHash())) {
            return new ChainVerification(false, checked, checked, "the last record's hash is not the head's");
        }
        return new ChainVerification(true, checked, null, null);
    }
}
