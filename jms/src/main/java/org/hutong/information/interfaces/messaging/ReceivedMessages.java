package org.hutong.information.interfaces.messaging;

import jakarta.jms.Message;
import java.util.List;
import org.hutong.exchange.interfaces.messaging.MessageBodies;
import org.hutong.exchange.interfaces.messaging.UnreadableBodyException;
import org.hutong.information.application.ReceivedMessage;
import org.hutong.security.domain.AccessRefusedException;
import org.hutong.security.interfaces.messaging.BrokerSenders;

/** Reads ingress messages for the application: text (or why there is none) and the broker-stamped sender. */
final class ReceivedMessages {

    private ReceivedMessages() {
    }

    static List<ReceivedMessage> of(List<Message> messages, BrokerSenders senders) {
        return messages.stream().map(message -> of(message, senders)).toList();
    }

    static ReceivedMessage of(Message message, BrokerSenders senders) {
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
    static String payloadOf(Message message) {
        try {
            return MessageBodies.text(message);
        } catch (UnreadableBodyException e) {
            return "";
        }
    }
}
