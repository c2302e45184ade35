package org.hutong.audit.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import org.hutong.audit.domain.AuditEntry;

/** Reading and checking the audit trail. */
@Local
public interface AuditLog {

    /**
     * A page in chain order; filters that are null do not apply. When the sealed records run out before
     * the page is full, the entries not yet sealed follow, in the order they were appended.
     */
    List<AuditView> find(String actor, String action, Instant since, Instant until, long after, int limit);

    /**
     * Walks the whole sealed chain, then every entry not yet sealed, and names the first record or
     * entry that does not hold.
     */
    ChainVerification verify();

    /**
     * Records a security event (a failed authentication, a denied request, a configuration change) in a
     * transaction of its own: the refusal that follows must not take the record with it.
     */
    void recordSecurityEvent(AuditEntry entry);
}
