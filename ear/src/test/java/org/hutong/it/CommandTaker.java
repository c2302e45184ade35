package org.hutong.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Set;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A JMS firewall's side: takes every command from its queue, counting them per invocation. */
final class CommandTaker implements AutoCloseable {

    private final Connection connection;
    private final DeliveryCount commands = new DeliveryCount();

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
                taker.commands.add(invocation);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
        return taker;
    }

    void awaitAll(Set<String> invocations, Duration timeout) {
        commands.awaitAll(invocations, timeout, "commands at the firewall");
    }

    Set<String> invocations() {
        return commands.keys();
    }

    long duplicates() {
        return commands.duplicates();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
