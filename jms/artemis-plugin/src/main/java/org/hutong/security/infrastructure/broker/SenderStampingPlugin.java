package org.hutong.security.infrastructure.broker;

import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Writes the authenticated user of the sending session into {@code _AMQ_VALIDATED_USER} on every
 * message a client sends, over every protocol, replacing whatever the client put there; and refuses
 * what it cannot stamp or what is too large to accept.
 *
 * <p>Artemis' own {@code populate-validated-user} stamps messages that are CORE inside the broker
 * (JMS, MQTT, STOMP, OpenWire) but leaves AMQP 1.0 messages as the client wrote them (ARTEMIS-1092):
 * an AMQP client could name any user, or none. The hub trusts only this stamp, so the broker alone
 * may write it. A session without a validated user (the broker's own, security off) gets no stamp,
 * which the hub refuses. An AMQP message the broker streamed to disk as a large message keeps its
 * encoded properties whatever is changed in memory, so it is refused: the acceptor's
 * {@code amqpMinLargeMessageSize} is set above the largest message Hutong accepts.
 */
public final class SenderStampingPlugin implements ActiveMQServerPlugin {

    /** Plugin property: the largest message, in bytes, any client may send (default 33 MiB). */
    public static final String MAX_MESSAGE_BYTES = "maxMessageBytes";

    private static final long DEFAULT_MAX_MESSAGE_BYTES = 33L * 1024 * 1024;

    private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;

    @Override
    public void init(Map<String, String> properties) {
        String configured = properties.get(MAX_MESSAGE_BYTES);
        if (configured != null && !configured.isBlank()) {
            maxMessageBytes = Long.parseLong(configured.strip());
            if (maxMessageBytes <= 0) {
                throw new IllegalArgumentException(MAX_MESSAGE_BYTES + " must be positive, not " + configured);
            }
        }
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
            boolean noAutoCreateQueue) throws ActiveMQException {
        refuseUnstampable(message, maxMessageBytes);
        stamp(message, session.getValidatedUser());
    }

    static void refuseUnstampable(Message message, long maxMessageBytes) throws ActiveMQException {
        long size = message.getWholeMessageSize();
        if (size > maxMessageBytes) {
            throw new ActiveMQException(ActiveMQExceptionType.ILLEGAL_STATE, "Hutong refuses a message of "
                    + size + " bytes: the broker accepts at most " + maxMessageBytes);
        }
        if (message.isLargeMessage() && !(message instanceof CoreMessage)) {
            throw new ActiveMQException(ActiveMQExceptionType.ILLEGAL_STATE, "Hutong refuses a large "
                    + message.getProtocolName() + " message: its sender cannot be stamped on it");
        }
    }

    static void stamp(Message message, String validatedUser) {
        if (validatedUser == null) {
            message.removeProperty(Message.HDR_VALIDATED_USER);
        } else {
            message.putStringProperty(Message.HDR_VALIDATED_USER, validatedUser);
        }
        // AMQP messages keep their encoded form: write the changed properties into it.
        message.reencode();
    }
}
