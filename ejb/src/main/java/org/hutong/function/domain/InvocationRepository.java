package org.hutong.function.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invocations, their targets and events. */
public interface InvocationRepository {

    /** Stores a new invocation with its targets, numbers assigned before returning. */
    void add(Invocation invocation);

    Optional<Invocation> find(String invocationId);

    Optional<InvocationTarget> findTarget(String requestId);

    /**
     * The target with {@code requestId}, its invocation locked for this transaction and both read
     * afresh: results for the targets of one invocation are applied one after the other.
     */
    Optional<InvocationTarget> findTargetForUpdate(String requestId);

    /** Targets without an outcome whose deadline passed before {@code now}, oldest first. */
    List<InvocationTarget> overdue(Instant now, int limit);

    /**
     * A page of invocations, newest first.
     *
     * @param function only of this function, if not null
     * @param status only in this status, if not null
     * @param before only with a number below this one (0: from the newest)
     */
    List<Invocation> find(String function, InvocationStatus status, long before, int limit);

    /**
     * Claims targets whose command waits for its next delivery attempt to a product's HTTPS callback: their
     * next attempt moves to {@code leasedUntil}, so no other server takes them while this one POSTs, and
     * rows another transaction holds are skipped, not waited for.
     */
    List<InvocationTarget> claimDueDeliveries(Instant now, Instant leasedUntil, int limit);

    /** Claims ended invocations whose caller's callback is due, in the same way. */
    List<Invocation> claimDueCallbacks(Instant now, Instant leasedUntil, int limit);

    void record(InvocationEvent event);

    List<InvocationEvent> events(Invocation invocation);
}
