package org.hutong.function.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.hutong.exchange.application.ReceivedMessage;

/** Invoking functions on products and following what becomes of them. */
@Local
public interface Invocations {

    /**
     * Starts an invocation: validates it, records it and puts the command on every target's queue
     * in one transaction.
     *
     * @throws InvocationRefusedException if it is invalid or no product can take it
     */
    InvocationView invoke(InvocationRequest request);

    /**
     * Starts an invocation a linkage rule asks for, on those of {@code productIds} that are active and
     * provide the function, recorded with {@code rule} as its actor. A refusal is returned, not thrown,
     * so that the rule engine's transaction records it and goes on.
     */
    RuleInvocation invokeForRule(InvocationRequest request, List<String> productIds, String rule);

    /**
     * Applies a product's report.
     *
     * @throws org.hutong.function.domain.ResultRefusedException if it cannot be applied; it is recorded all the same
     */
    InvocationView report(ResultReport report);

    /**
     * Applies a report sent by the authenticated caller, a product: it reports only as itself.
     *
     * @throws org.hutong.shared.domain.AccessRefusedException if the report names another product
     */
    InvocationView reportAsCaller(ResultReport report);

    /**
     * Takes result messages from {@code hutong.function.results} in one transaction: applies each, or
     * parks it on {@code hutong.function.results.dlq} with the reason when it cannot be read or applied
     * (a message without a sender the broker vouches for is audited as refused, too). A product
     * reports only as the sender the broker stamped.
     */
    void acceptResultMessages(List<ReceivedMessage> messages);

    /** Parks a result message that failed even alone, with the reason. */
    void refuseResultMessage(String payload, String reason);

    /** One invocation with its events. */
    Optional<InvocationView> find(String invocationId);

    /** Newest first; {@code before} is the ordering key the previous page ended at (0 for the first). */
    InvocationPage find(String function, String status, long before, int limit);

    /** Ends every overdue target as timed out; returns how many. */
    int timeOutOverdue();
}
