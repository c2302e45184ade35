package org.hutong.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditHead;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;
import org.hutong.audit.domain.HashAlgorithm;

/**
 * Appends to the audit trail in the caller's transaction: the entry commits with what it records,
 * or not at all. Appends are serialised on the chain's head row.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Inject
    AuditRepository repository;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.audit.hash", defaultValue = "SHA-256")
    String algorithm;

    @Inject
    AuditKeys keys;

    @Inject
    @ConfigProperty(name = "hutong.audit.checkpoint.every", defaultValue = "100")
    long checkpointEvery;

    public AuditTrail() {
        // for CDI
    }

    AuditTrail(AuditRepository repository, Clock clock, String algorithm, AuditKeys keys) {
        this.repository = repository;
        this.clock = clock;
        this.algorithm = algorithm;
        this.keys = keys;
        this.checkpointEvery = 100;
    }

    public void record(AuditEntry entry) {
        HashAlgorithm hash = HashAlgorithm.fromLabel(algorithm)
                .orElseThrow(() -> new IllegalStateException("hutong.audit.hash must be SHA-256 or SM3, not " + algorithm));
        AuditHead head = repository.lockHead();
        AuditRecord record = new AuditRecord(head.lastNumber(), head.lastHash(), entry,
                clock.instant().truncatedTo(ChronoUnit.MICROS), hash, keys.key());
        repository.append(record);
        head.advance(record);
        if (record.number() % checkpointEvery == 0) {
            // Outside the database: a copy of the chain's end that a database rewrite cannot reach.
            LOG.log(Level.INFO, "Audit checkpoint: record {0} has hash {1}", new Object[] {record.number(), record.hash()});
        }
    }
}
