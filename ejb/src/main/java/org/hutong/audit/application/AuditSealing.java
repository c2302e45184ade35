package org.hutong.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditHead;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;
import org.hutong.audit.domain.AuditRepository.Positioned;
import org.hutong.audit.domain.HashAlgorithm;
import org.hutong.audit.domain.UnsealedEntry;

/**
 * One sealing step in one transaction: if this is the one sealer now, number the oldest committed
 * entries after the chain's end, link each to its predecessor, and forget them as entries. An entry
 * whose own HMAC does not hold (written or edited in the database without the key) is not sealed as
 * if it were genuine: the chain gets a record of the tampering in its place, with the entry as stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditSealing {

    private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());

    @Inject
    AuditRepository repository;

    @Inject
    AuditKeys keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.audit.checkpoint.every", defaultValue = "100")
    long checkpointEvery;

    public AuditSealing() {
        // for the container
    }

    AuditSealing(AuditRepository repository, AuditKeys keys, Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.clock = clock;
        this.checkpointEvery = 100;
    }

    /** @return how many entries it sealed (0: none waited, or another transaction seals now) */
    public int sealOldest(int max) {
        if (!repository.claimSealing()) {
            return 0;
        }
        List<UnsealedEntry> entries = repository.unsealed(0, max).stream().map(Positioned::entry).toList();
        if (entries.isEmpty()) {
            return 0;
        }
        AuditHead head = repository.lockHead();
        List<AuditRecord> records = new ArrayList<>(entries.size());
        for (UnsealedEntry entry : entries) {
            UnsealedEntry genuine = entry.holds(keys.key()) ? entry : tampering(entry);
            AuditRecord record = new AuditRecord(head.lastNumber(), head.lastHash(), genuine,
                    HashAlgorithm.fromKeyedLabel(genuine.algorithm()).orElseThrow(), keys.key());
            head.advance(record);
            records.add(record);
            if (record.number() % checkpointEvery == 0) {
                // Outside the database: a copy of the chain's end that a database rewrite cannot reach.
                LOG.log(Level.INFO, "Audit checkpoint: record {0} has hash {1}", new Object[] {record.number(), record.hash()});
            }
        }
        repository.seal(records, entries);
        return entries.size();
    }

    private UnsealedEntry tampering(UnsealedEntry forged) {
        AuditEntry found = forged.entry();
        String detail = "an unsealed entry does not match its HMAC under the audit key (written or edited without"
                + " the key); as stored: at=" + forged.at() + " actor=" + found.actor() + " action=" + found.action()
                + " target=" + found.target() + " outcome=" + found.outcome() + " algorithm=" + forged.algorithm()
                + " detail=" + found.detail();
        LOG.log(Level.SEVERE, "Audit entry {0} was written or edited without the audit key; sealed as tampering: {1}",
                new Object[] {forged.entryId(), detail});
        return UnsealedEntry.of(AuditEntry.refused("hutong", "audit.tampered", "entry " + forged.entryId(), detail),
                clock.instant(), keys.algorithm(), keys.key());
    }
}
