package org.hutong.information.application;

/** What a channel does with the envelopes of a batch that are refused. */
public enum RejectionPolicy {
    /** Report them to the sender (HTTP answers with per-item outcomes). */
    REPORT,
    /** Also park each on the information dead-letter queue with its reason (JMS has no answer). */
    PARK
}
