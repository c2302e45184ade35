package org.hutong.registry.application;

/**
 * A product just registered, with the password of its broker account: handed out once, kept
 * nowhere by the hub.
 */
public record Registration(ProductView product, BrokerCredentials broker) {

    /** How the product logs in to the message broker (CORE/JMS, AMQP, MQTT, STOMP). */
    public record BrokerCredentials(String user, String password) {
    }
}
