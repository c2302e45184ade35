package org.hutong.audit.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import org.hutong.audit.domain.AuditEntry;

/** Reading and checking the audit trail. */
@Local
public interface AuditLog {

    /** A page in chain order; filters that are null do not apply. */
    List<AuditView> find(String actor, String action, Instant since, Instant until, long after, int limit);

    /** Walks the whole chain and names the first record that does not hold. */
    ChainVerification verify();

    /**
     * Records a security event (a failed authentication, a denied request, a configuration change) in a
     * transaction of its own: the refusal that follows must not take the record with it.
     */
    void recordSecurityEvent(AuditEntry entry);
}
