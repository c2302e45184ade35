package org.hutong.shared.domain;

/** Broker destination names more than one context relies on (the layout in broker.xml is a contract). */
public final class Destinations {

    /** Every product's command queue is this prefix and its id: {@code hutong.function.<id>}. */
    public static final String COMMAND_QUEUE_PREFIX = "hutong.function.";

    private Destinations() {
    }
}
