package org.hutong.information.application;

/** Distributes accepted information to its subscribers (port; JMS in production). */
public interface InformationPublisher {

    /** Publishes inside the caller's transaction: nothing leaves unless the caller commits. */
    void publish(InformationView information);
}
