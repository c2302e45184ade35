package org.hutong.function.application.rule;

/** What became of a rule's match: the wire names are stored with each firing and shown by the API. */
public enum FiringOutcome {
    /** An invocation was started. */
    INVOKED("invoked"),
    /** An earlier firing acted on the same de-duplication key within the window. */
    DEDUPLICATED("deduplicated"),
    /** The rule already acted its maximum number of times in the last minute. */
    RATE_LIMITED("rate-limited"),
    /** Nobody to act on: the only candidate was the information's own producer, or no provider is active. */
    NO_TARGET("no-target"),
    /** The information lacks what the arguments need, or the invocation was refused (the reason says why). */
    REFUSED("refused"),
    /** The rule asks for approval: the invocation waits for an operator until it expires. */
    AWAITING_APPROVAL("awaiting-approval"),
    /** An operator rejected the waiting invocation. */
    REJECTED("rejected"),
    /** Nobody approved the waiting invocation in time. */
    EXPIRED("expired"),
    /** A correlating rule joined the alert to an incident, or opened one (the reason names it). */
    CORRELATED("correlated"),
    /** A playbook run was started (the firing names it). */
    PLAYBOOK_STARTED("playbook-started"),
    /** Looking at the item failed every time (the reason says why): the engine set it aside and went on. */
    FAILED("failed");

    private final String wireName;

    FiringOutcome(String wireName) {
        this.wireName = wireName;
    }

    /** Whether a firing with this outcome counts as the rule acting (for de-duplication and the rate). */
    public boolean acts() {
        return this == INVOKED || this == AWAITING_APPROVAL || this == PLAYBOOK_STARTED;
    }

    public String wireName() {
        return wireName;
    }
}
