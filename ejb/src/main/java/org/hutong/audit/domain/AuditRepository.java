package org.hutong.audit.domain;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail: entries appended unsealed by any transaction, and the chain of sealed records
 * that the one sealer extends.
 */
public interface AuditRepository {

    /** Appends an entry in the caller's transaction; nothing is locked, and the sealer is told once it commits. */
    void appendUnsealed(UnsealedEntry entry);

    /**
     * Whether this transaction is the one sealer now, across every server (held until it ends);
     * false while another transaction seals.
     */
    boolean claimSealing();

    /** Unsealed entries in the order they were appended, from position {@code after} on. */
    List<Positioned> unsealed(long after, int limit);

    /**
     * Unsealed entries that match the filters (null: any), in the order they were appended.
     *
     * @param since, until only in [since, until), if not null
     */
    List<UnsealedEntry> unsealed(String actor, String action, Instant since, Instant until, int limit);

    /** Extends the chain by {@code records} and forgets the entries {@code sealed}, in this transaction. */
    void seal(List<AuditRecord> records, List<UnsealedEntry> sealed);

    /** The end of the chain, locked until this transaction ends (only the sealer locks it). */
    AuditHead lockHead();

    /** The end of the chain as committed, without a lock. */
    AuditHead head();

    /**
     * A page of sealed records in chain order.
     *
     * @param actor, action only these, if not null
     * @param since, until only in [since, until), if not null
     * @param after records numbered above this one
     */
    List<AuditRecord> find(String actor, String action, Instant since, Instant until, long after, int limit);

    /** An unsealed entry with its place in the order of appends. */
    record Positioned(long position, UnsealedEntry entry) {
    }
}
