package org.hutong.registry.domain;

/** How a product takes commands. */
public enum CommandChannel {
    /** A JSON TextMessage on its queue {@code hutong.function.<productId>}. */
    JMS,
    /** An HTTPS POST to its callback URL. */
    HTTPS
}
