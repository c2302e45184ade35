package org.hutong.registry.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.hutong.exchange.infrastructure.messaging.BrokerClient;
import org.hutong.registry.application.CommandQueues;

/**
 * Creates a product's command queue by opening a consumer on it once: broker.xml lets the broker
 * create {@code hutong.function.#} queues (anycast) on first use and never delete them, so the
 * queue is there, and keeps every command, before the product first connects. Through the plain
 * client, not the resource adapter: a connection enlisted in the registration's transaction would
 * turn it into a two-phase commit for nothing transactional.
 */
@ApplicationScoped
public class JmsCommandQueues implements CommandQueues {

    @Inject
    BrokerClient broker;

    @Override
    public void ensure(String queue) {
        try (Connection connection = broker.connect();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            // Opening the consumer is what creates the queue; nothing is received.
            session.createConsumer(session.createQueue(queue)).close();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot create the command queue " + queue + ": " + e.getMessage(), e);
        }
    }
}
