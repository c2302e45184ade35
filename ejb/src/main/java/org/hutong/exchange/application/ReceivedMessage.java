package org.hutong.exchange.application;

import org.hutong.shared.domain.Sender;

/**
 * A message taken from a queue (ingress, function results), as the messaging layer read it: its text and the sender
 * the broker stamped, or why it cannot be taken (no readable text; no sender the broker vouches
 * for). The hub acts only on {@code sender}; {@code claimedUser} is what the audit trail shows.
 * {@code redelivered} is the broker's word (JMSRedelivered) that it delivered this message before
 * and saw no acknowledgement: the earlier delivery may have been stored by a transaction whose
 * acknowledgement a crash cut off.
 */
public record ReceivedMessage(String payload, Sender sender, String claimedUser, String refusal, boolean unreadable,
        boolean redelivered) {

    public static ReceivedMessage readable(String payload, Sender sender, String claimedUser) {
        return new ReceivedMessage(payload, sender, claimedUser, null, false, false);
    }

    public static ReceivedMessage unreadable(String reason, String claimedUser) {
        return new ReceivedMessage("", null, claimedUser, reason, true, false);
    }

    public static ReceivedMessage unidentified(String payload, String claimedUser, String reason) {
        return new ReceivedMessage(payload, null, claimedUser, reason, false, false);
    }

    /** The same message, delivered again by the broker. */
    public ReceivedMessage redelivery() {
        return new ReceivedMessage(payload, sender, claimedUser, refusal, unreadable, true);
    }
}
