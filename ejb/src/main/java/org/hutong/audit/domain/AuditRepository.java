package org.hutong.audit.domain;

import java.time.Instant;
import java.util.List;

/** The audit trail. */
public interface AuditRepository {

    /** The end of the chain, locked until this transaction ends. */
    AuditHead lockHead();

    /** The end of the chain as committed, without a lock. */
    AuditHead head();

    void append(AuditRecord record);

    /**
     * A page in chain order.
     *
     * @param actor, action only these, if not null
     * @param since, until only in [since, until), if not null
     * @param after records numbered above this one
     */
    List<AuditRecord> find(String actor, String action, Instant since, Instant until, long after, int limit);
}
