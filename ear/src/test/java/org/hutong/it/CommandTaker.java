package org.hutong.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A JMS firewall's side: takes every command from its queue, counting them per invocation. */
final class CommandTaker implements AutoCloseable {

    private final Connection connection;
    private final Map<String, Integer> commands = new ConcurrentHashMap<>();

    private CommandTaker(Connection connection) {
        this.connection = connection;
    }

    static CommandTaker of(String brokerUrl, String firewall, String password) throws JMSException {
        Connection connection = new ActiveMQConnectionFactory(brokerUrl, firewall, password).createConnection();
        CommandTaker taker = new CommandTaker(connection);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("hutong.function." + firewall));
        consumer.setMessageListener(message -> {
            try {
                String invocation = Hub.json(((TextMessage) message).getText()).getString("invocation_id");
                taker.commands.merge(invocation, 1, Integer::sum);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
        return taker;
    }

    void awaitAll(Set<String> invocations, Duration timeout) {
        Hub.await(timeout, invocations.size() + " commands at the firewall",
                () -> commands.keySet().containsAll(invocations));
        // Anything delivered twice arrives close behind: give it a moment to show.
        Hub.sleep(Duration.ofSeconds(2));
    }

    Set<String> invocations() {
        return Set.copyOf(commands.keySet());
    }

    long duplicates() {
        return commands.values().stream().mapToLong(count -> count - 1).sum();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
