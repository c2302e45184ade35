package org.hutong.exchange.interfaces.messaging;

import jakarta.jms.Message;
import java.util.List;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.security.interfaces.messaging.BrokerSenders;

/** Reads queued messages for the application: text (or why there is none) and the broker-stamped sender. */
public final class ReceivedMessages {

    private ReceivedMessages() {
    }

    public static List<ReceivedMessage> of(List<Message> messages, BrokerSenders senders) {
        return messages.stream().map(message -> of(message, senders)).toList();
    }

    public static ReceivedMessage of(Message message, BrokerSenders senders) {
        String claimedUser = senders.claimedUser(message);
        String payload;
        try {
            payload = MessageBodies.text(message);
        } catch (UnreadableBodyException e) {
            return ReceivedMessage.unreadable(e.getMessage(), claimedUser);
        }
        try {
            return ReceivedMessage.readable(payload, senders.of(message), claimedUser);
        } catch (AccessRefusedException e) {
            return ReceivedMessage.unidentified(payload, claimedUser, e.getMessage());
        }
    }

    /** The text of a message to park, or nothing when it has none that can be read. */
    public static String payloadOf(Message message) {
        try {
            return MessageBodies.text(message);
        } catch (UnreadableBodyException e) {
            return "";
        }
    }
}
