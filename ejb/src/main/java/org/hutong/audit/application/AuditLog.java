package org.hutong.audit.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/** Reading and checking the audit trail. */
@Local
public interface AuditLog {

    /** A page in chain order; filters that are null do not apply. */
    List<AuditView> find(String actor, String action, Instant since, Instant until, long after, int limit);

    /** Walks the whole chain and names the first record that does not hold. */
    ChainVerification verify();
}
