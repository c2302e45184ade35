package org.hutong.registry.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import org.hutong.registry.application.CommandQueues;

/**
 * Creates a product's command queue by opening a consumer on it once: broker.xml lets the broker
 * create {@code hutong.function.#} queues (anycast) on first use and never delete them, so the
 * queue is there, and keeps every command, before the product first connects.
 */
@ApplicationScoped
public class JmsCommandQueues implements CommandQueues {

    @Resource(lookup = "jms/hutong/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Override
    public void ensure(String queue) {
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            // Opening the consumer is what creates the queue; nothing is received.
        }
    }
}
