package org.hutong.exchange.interfaces.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.function.Function;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.shared.domain.Sender;

/**
 * Reads queued messages for the application: text (or why there is none) and the sender. Who sent a
 * message is the security context's answer (the broker's stamp), passed in by the consumer: this
 * plumbing depends on no business context.
 */
public final class ReceivedMessages {

    private ReceivedMessages() {
    }

    /**
     * @param claimedUser the user a message names, for the audit trail, whether or not it proves anything
     * @param sender who sent a message; throws {@link AccessRefusedException} when that cannot be told
     */
    public static List<ReceivedMessage> of(List<Message> messages, Function<Message, String> claimedUser,
            Function<Message, Sender> sender) {
        return messages.stream().map(message -> of(message, claimedUser, sender)).toList();
    }

    public static ReceivedMessage of(Message message, Function<Message, String> claimedUser,
            Function<Message, Sender> sender) {
        String claimed = claimedUser.apply(message);
        String payload;
        try {
            payload = MessageBodies.text(message);
        } catch (UnreadableBodyException e) {
            return ReceivedMessage.unreadable(e.getMessage(), claimed);
        }
        ReceivedMessage read;
        try {
            read = ReceivedMessage.readable(payload, sender.apply(message), claimed);
        } catch (AccessRefusedException e) {
            return ReceivedMessage.unidentified(payload, claimed, e.getMessage());
        }
        return redelivered(message) ? read.redelivery() : read;
    }

    /** The broker sets it, whatever the sender wrote; unreadable counts as a first delivery (the strict reading). */
    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return false;
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
