package org.hutong.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
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

    @Inject
    AuditRepository repository;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.audit.hash", defaultValue = "SHA-256")
    String algorithm;

    public AuditTrail() {
        // for CDI
    }

    AuditTrail(AuditRepository repository, Clock clock, String algorithm) {
        this.repository = repository;
        this.clock = clock;
        this.algorithm = algorithm;
    }

    public void record(AuditEntry entry) {
        HashAlgorithm hash = HashAlgorithm.fromLabel(algorithm)
                .orElseThrow(() -> new IllegalStateException("hutong.audit.hash must be SHA-256 or SM3, not " + algorithm));
        AuditHead head = repository.lockHead();
        AuditRecord record = new AuditRecord(head.lastNumber(), head.lastHash(), entry,
                clock.instant().truncatedTo(ChronoUnit.MICROS), hash);
        repository.append(record);
        head.advance(record);
    }
}
