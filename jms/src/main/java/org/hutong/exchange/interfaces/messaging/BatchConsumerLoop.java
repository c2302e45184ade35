package org.hutong.exchange.interfaces.messaging;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.shared.application.Failures;

/**
 * One consumer of a queue that hands over messages in batches and acknowledges them only after the
 * handler committed them (a local JMS transaction, no XA). Up to {@code batchMax} messages, or what
 * arrives within {@code batchWait} of the first, make a batch. A batch that fails is rolled back
 * and redelivered; redelivered messages are handled one at a time, so a message that fails alone
 * cannot hold the others back, and on its last delivery it is parked with the reason.
 */
public final class BatchConsumerLoop implements Runnable {

    /** What to do with the messages: each call is one database transaction of the caller's. */
    public interface Handler {

        /** Stores or parks every message of {@code batch}, all or nothing. */
        void handle(List<Message> batch);

        /** Parks a message that could not be handled even alone, with the reason. */
        void park(Message message, String reason);
    }

    private static final Logger LOG = Logger.getLogger(BatchConsumerLoop.class.getName());
    private static final long POLL_MILLIS = 1000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String queue;
    private final BrokerConnections broker;
    private final int batchMax;
    private final Duration batchWait;
    private final int maxDeliveryAttempts;
    private final Handler handler;

    private volatile boolean running = true;
    private Connection connection;
    private Session session;
    private MessageConsumer consumer;

    /** Opens a broker connection of the hub's account. */
    @FunctionalInterface
    public interface BrokerConnections {
        Connection connect() throws JMSException;
    }

    public BatchConsumerLoop(String queue, BrokerConnections broker, int batchMax, Duration batchWait,
            int maxDeliveryAttempts, Handler handler) {
        this.queue = queue;
        this.broker = broker;
        this.batchMax = batchMax;
        this.batchWait = batchWait;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.handler = handler;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                step();
                if (!backoff.isZero()) {
                    LOG.log(Level.INFO, "Consuming {0} again", queue);
                    backoff = Duration.ZERO;
                }
            } catch (JMSException | JMSRuntimeException e) {
                close();
                if (!running) {
                    return;
                }
                if (backoff.isZero()) {
                    LOG.log(Level.WARNING, "Cannot consume {0}; retrying: {1}", new Object[] {queue, e.getMessage()});
                }
                backoff = backoff.isZero() ? Duration.ofMillis(500)
                        : backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                if (!sleep(backoff)) {
                    return;
                }
            }
        }
        close();
    }

    /** One round: receive a batch (waiting up to a second for its first message) and consume it. */
    void step() throws JMSException {
        open();
        List<Message> batch = receive();
        if (!batch.isEmpty()) {
            consume(batch);
        }
    }

    private void consume(List<Message> batch) throws JMSException {
        if (batch.stream().noneMatch(BatchConsumerLoop::redelivered)) {
            try {
                handler.handle(batch);
                session.commit();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A batch of {0} messages from {1} failed and will be redelivered: {2}",
                        new Object[] {batch.size(), queue, Failures.rootMessage(e)});
                session.rollback();
            }
            return;
        }
        // Some were delivered before and failed then: one transaction each finds the one that fails.
        boolean failed = false;
        for (Message message : batch) {
            try {
                handler.handle(List.of(message));
            } catch (RuntimeException e) {
                if (deliveryCount(message) >= maxDeliveryAttempts && park(message, e)) {
                    continue;
                }
                LOG.log(Level.WARNING, "A message from {0} failed on delivery {1}: {2}",
                        new Object[] {queue, deliveryCount(message), Failures.rootMessage(e)});
                failed = true;
            }
        }
        if (failed) {
            // What was stored meanwhile comes back as duplicates; the failing message tries again.
            session.rollback();
        } else {
            session.commit();
        }
    }

    private boolean park(Message message, RuntimeException cause) {
        try {
            handler.park(message, "not stored after " + deliveryCount(message) + " deliveries: " + Failures.rootMessage(cause));
            return true;
        } catch (RuntimeException e) {
            // The database is away too: the broker dead-letters the message when this delivery is rolled back.
            LOG.log(Level.WARNING, "Cannot park a message from {0}: {1}", new Object[] {queue, Failures.rootMessage(e)});
            return false;
        }
    }

    private List<Message> receive() throws JMSException {
        Message first = consumer.receive(POLL_MILLIS);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>();
        batch.add(first);
        long deadline = System.nanoTime() + batchWait.toNanos();
        while (batch.size() < batchMax) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            Message next = left > 0 ? consumer.receive(left) : consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void open() throws JMSException {
        if (consumer != null) {
            return;
        }
        connection = broker.connect();
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        consumer = session.createConsumer(session.createQueue(queue));
        connection.start();
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.log(Level.FINE, "Closing a consumer connection failed", e);
            }
        }
        connection = null;
        session = null;
        consumer = null;
    }

    private static boolean redelivered(Message message) {
        return deliveryCount(message) > 1;
    }

    static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | NumberFormatException e) {
            return 1;
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
