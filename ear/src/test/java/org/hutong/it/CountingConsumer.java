package org.hutong.it;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test's consumer on one destination, counting what it receives per key (a hub id, an invocation id):
 * what reached it, and what reached it more than once.
 */
final class CountingConsumer implements AutoCloseable {

    /** What a message is counted under. */
    interface Key {
        String of(Message message) throws JMSException;
    }

    /** The hub id every distributed item carries as a property. */
    static final Key HUB_ID = message -> message.getStringProperty("hutong_hub_id");

    /** The invocation a command belongs to, from its body. */
    static final Key INVOCATION = message -> Hub.json(((TextMessage) message).getText()).getString("invocation_id");

    /** Where to consume from, made in the consumer's session. */
    interface Source {
        Destination in(Session session) throws JMSException;
    }

    private final Connection connection;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    private CountingConsumer(Connection connection) {
        this.connection = connection;
    }

    static CountingConsumer of(ConnectionFactory factory, Source source, String selector, Key key) throws JMSException {
        Connection connection = factory.createConnection();
        CountingConsumer consumer = new CountingConsumer(connection);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(source.in(session), selector).setMessageListener(message -> {
            try {
                consumer.counts.merge(key.of(message), 1, Integer::sum);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
        return consumer;
    }

    void awaitAll(Set<String> keys, Duration timeout, String what) {
        Hub.await(timeout, keys.size() + " " + what, () -> counts.keySet().containsAll(keys));
        settle();
    }

    void awaitAtLeast(int count, Duration timeout, String what) {
        Hub.await(timeout, count + " " + what, () -> counts.size() >= count);
        settle();
    }

    Set<String> keys() {
        return Set.copyOf(counts.keySet());
    }

    /** Deliveries beyond the first of each key. */
    long duplicates() {
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }

    /** Anything delivered twice arrives close behind: give it a moment to show. */
    private static void settle() {
        Hub.sleep(Duration.ofSeconds(2));
    }
}
