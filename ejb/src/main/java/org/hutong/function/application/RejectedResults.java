package org.hutong.function.application;

/** Where result messages the hub could not apply are kept, with the reason, for an operator. */
public interface RejectedResults {

    void park(String payload, String reason);
}
