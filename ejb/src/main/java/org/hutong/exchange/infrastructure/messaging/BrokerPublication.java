package org.hutong.exchange.infrastructure.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.hutong.exchange.domain.OutboundMessage;

/**
 * The relay's own broker session: a local JMS transaction (one commit confirms a whole batch, no
 * two-phase commit). Used by one relay thread at a time.
 */
@ApplicationScoped
public class BrokerPublication {

    /** Artemis drops a message whose id it has seen on the address (its duplicate-id cache). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private static final Logger LOG = Logger.getLogger(BrokerPublication.class.getName());

    @Inject
    BrokerClient broker;

    private Connection connection;
    private Session session;
    private MessageProducer producer;
    private final Map<String, Destination> destinations = new HashMap<>();

    /**
     * Sends {@code messages} in order and commits: when this returns, the broker has all of them.
     * The broker refuses a whole transaction that holds a duplicate id; that happens only when the
     * relay sends a batch again after a crash, and then each message goes in a transaction of its
     * own, the ones the broker already has being dropped.
     */
    public synchronized void publish(List<OutboundMessage> messages) {
        try {
            open();
            try {
                send(messages);
                session.commit();
            } catch (JMSException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
                rollbackQuietly();
                publishOneByOne(messages);
            }
        } catch (JMSException | RuntimeException e) {
            close();
            throw new IllegalStateException("the broker did not take the publication: " + e.getMessage(), e);
        }
    }

    private void publishOneByOne(List<OutboundMessage> messages) throws JMSException {
        int dropped = 0;
        for (OutboundMessage message : messages) {
            try {
                send(List.of(message));
                session.commit();
            } catch (JMSException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
                rollbackQuietly();
                dropped++;
            }
        }
        LOG.log(Level.INFO, "Sent a batch of {0} again one by one: the broker already had {1} of them",
                new Object[] {messages.size(), dropped});
    }

    private void send(List<OutboundMessage> messages) throws JMSException {
        long now = System.currentTimeMillis();
        for (OutboundMessage message : messages) {
            if (message.expiresAt() == null) {
                producer.send(destination(message), textMessage(message), DeliveryMode.PERSISTENT,
                        Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
                continue;
            }
            long timeToLive = message.expiresAt().toEpochMilli() - now;
            if (timeToLive <= 0) {
                // Its deadline passed while it waited: the hub has given it up (time-out sweep).
                LOG.log(Level.INFO, "Not sending {0} to {1}: it expired before the broker was reached",
                        new Object[] {message.duplicateId(), message.address()});
                continue;
            }
            producer.send(destination(message), textMessage(message), DeliveryMode.PERSISTENT,
                    Message.DEFAULT_PRIORITY, timeToLive);
        }
    }

    static boolean isDuplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    private void rollbackQuietly() {
        try {
            session.rollback();
        } catch (JMSException e) {
            LOG.log(Level.FINE, "Rolling back after a duplicate failed", e);
        }
    }

    private void open() throws JMSException {
        if (session != null) {
            return;
        }
        connection = broker.connect();
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    private Destination destination(OutboundMessage message) throws JMSException {
        Destination known = destinations.get(message.address());
        if (known == null) {
            known = message.routing() == OutboundMessage.Routing.MULTICAST
                    ? session.createTopic(message.address())
                    : session.createQueue(message.address());
            destinations.put(message.address(), known);
        }
        return known;
    }

    private TextMessage textMessage(OutboundMessage message) throws JMSException {
        TextMessage text = session.createTextMessage(message.body());
        for (Map.Entry<String, Object> property : message.properties().entrySet()) {
            if (property.getValue() instanceof String value) {
                text.setStringProperty(property.getKey(), value);
            } else if (property.getValue() instanceof Integer value) {
                text.setIntProperty(property.getKey(), value);
            } else {
                text.setLongProperty(property.getKey(), (Long) property.getValue());
            }
        }
        text.setStringProperty(DUPLICATE_ID, message.duplicateId());
        if (message.correlationId() != null) {
            text.setJMSCorrelationID(message.correlationId());
        }
        if (message.replyTo() != null) {
            text.setJMSReplyTo(session.createQueue(message.replyTo()));
        }
        return text;
    }

    @PreDestroy
    synchronized void close() {
        destinations.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.log(Level.FINE, "Closing the relay's broker connection failed", e);
            }
        }
        connection = null;
        session = null;
        producer = null;
    }
}
