package org.hutong.information.application;

import java.util.List;

/** Distributes accepted information to its subscribers (port; the publication outbox in production). */
public interface InformationPublisher {

    /** Publishes with the caller's transaction: nothing leaves unless the caller commits, and it leaves after. */
    void publish(InformationView information);

    /** Publishes several, in order, inside the caller's transaction. */
    default void publishAll(List<InformationView> information) {
        information.forEach(this::publish);
    }
}
