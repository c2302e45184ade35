package org.hutong.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditRepository;
import org.hutong.audit.domain.UnsealedEntry;

/**
 * Appends to the audit trail in the caller's transaction: the entry commits with what it records,
 * or not at all. Appends take no lock; the {@link AuditSealing sealer} chains them after they commit.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditRepository repository;

    @Inject
    Clock clock;

    @Inject
    AuditKeys keys;

    public AuditTrail() {
        // for CDI
    }

    AuditTrail(AuditRepository repository, Clock clock, AuditKeys keys) {
        this.repository = repository;
        this.clock = clock;
        this.keys = keys;
    }

    public void record(AuditEntry entry) {
        repository.appendUnsealed(UnsealedEntry.of(entry, clock.instant(), keys.algorithm(), keys.key()));
    }
}
