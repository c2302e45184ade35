package org.hutong.function.domain;

import java.time.Duration;

/** Exponential back-off between delivery attempts: 1 s, 2 s, 4 s ... capped at one minute. */
public final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(1);

    private Backoff() {
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public static Duration after(int attempts) {
        if (attempts >= 7) {
            return MAX;
        }
        Duration wait = FIRST.multipliedBy(1L << Math.max(0, attempts - 1));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
