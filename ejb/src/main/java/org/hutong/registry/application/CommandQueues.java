package org.hutong.registry.application;

/** The broker side of the registry: every product that takes commands over JMS has its queue. */
public interface CommandQueues {

    /** Makes sure {@code queue} exists (anycast, durable, never deleted automatically). */
    void ensure(String queue);
}
