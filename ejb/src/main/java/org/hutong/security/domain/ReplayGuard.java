package org.hutong.security.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses messages whose time lies outside a window around now, and ids (or nonces) seen before
 * within it. An id is remembered as long as a message carrying it could still be inside the
 * window, so memory stays bounded by the traffic of one window.
 */
public final class ReplayGuard {

    private final Duration window;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicLong admitted = new AtomicLong();

    public ReplayGuard(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /**
     * Admits the message of {@code sender} with {@code id} created at {@code time}, or says why not.
     *
     * @throws ReplayRefusedException if it is too old, too far in the future, or a repeat
     */
    public void admit(String sender, String id, Instant time) {
        Instant now = clock.instant();
        if (time.isBefore(now.minus(window)) || time.isAfter(now.plus(window))) {
            throw new ReplayRefusedException("the message time " + time + " is outside the accepted window of "
                    + window + " around " + now);
        }
        Instant expiry = time.plus(window);
        if (seen.putIfAbsent(sender + '\n' + id, expiry) != null) {
            throw new ReplayRefusedException("the message id " + id + " of " + sender + " was seen within the last "
                    + window + ": a replay");
        }
        if (admitted.incrementAndGet() % 1024 == 0) {
            seen.values().removeIf(until -> until.isBefore(now));
        }
    }
}
