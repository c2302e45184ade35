package org.hutong.security.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed password logins per user name, kept where every server sees them (port): a guesser who
 * spreads attempts over the servers behind a balancer meets one count and one lock. Keys are digests
 * of the names, never the names.
 */
public interface UserLoginFailures {

    /** Until when {@code user} is locked, if it is at {@code now}. */
    Optional<Instant> lockedUntil(String user, Instant now);

    /**
     * Counts a failure; a window that started before {@code windowCutoff} starts again at {@code now}.
     *
     * @return the failures within the window, this one included
     */
    int failed(String user, Instant now, Instant windowCutoff);

    /** Locks {@code user} until {@code until}, or leaves a longer lock another server set. */
    void lock(String user, Instant until);

    /** A success clears the name. */
    void succeeded(String user);
}
