package org.hutong.security.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins of one kind of key (a user name, a source address): after {@code threshold}
 * failures within {@code window}, the key is locked for one second, then for twice as long after
 * each further failure, up to {@code maxLock}. Attempts during a lock are refused without checking
 * the credentials, so guessing costs time whatever the guesser's speed; they do not lengthen the
 * lock, so a stranger can delay a user but not lock them out for good. A success clears the key.
 */
public final class LoginBackoff {

    /** What a failure did: the lock it started, if any. */
    public record Failure(int failures, Optional<Duration> lock) {
    }

    /** A refused attempt: how long the lock still holds, and how many attempts it has refused. */
    public record Locked(Duration retryAfter, long refused) {
    }

    private static final int MAX_KEYS = 100_000;

    private final int threshold;
    private final Duration window;
    private final Duration maxLock;
    private final Clock clock;
    private final Map<String, State> states = new HashMap<>();

    private static final class State {
        int failures;
        Instant since;
        Instant lockedUntil;
        long refused;
    }

    public LoginBackoff(int threshold, Duration window, Duration maxLock, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold must be at least 1, not " + threshold);
        }
        this.threshold = threshold;
        this.window = window;
        this.maxLock = maxLock;
        this.clock = clock;
    }

    /** Whether {@code key} is locked now; empty when it may try. Counts the refused attempt. */
    public synchronized Optional<Locked> refusal(String key) {
        State state = states.get(key);
        Instant now = clock.instant();
        if (state == null || state.lockedUntil == null || !now.isBefore(state.lockedUntil)) {
            return Optional.empty();
        }
        state.refused++;
        return Optional.of(new Locked(Duration.between(now, state.lockedUntil), state.refused));
    }

    /** Attempts refused while {@code key} was locked since the last call; resets the count. */
    public synchronized long drainRefused(String key) {
        State state = states.get(key);
        if (state == null) {
            return 0;
        }
        long refused = state.refused;
        state.refused = 0;
        return refused;
    }

    public synchronized Failure failed(String key) {
        Instant now = clock.instant();
        if (states.size() >= MAX_KEYS && !states.containsKey(key)) {
            forgetIdle(now);
        }
        State state = states.computeIfAbsent(key, k -> new State());
        if (state.since == null || now.isAfter(state.since.plus(window))) {
            state.failures = 0;
            state.since = now;
        }
        state.failures++;
        Optional<Duration> lock = lockAfter(state.failures, threshold, maxLock);
        lock.ifPresent(duration -> state.lockedUntil = now.plus(duration));
        return new Failure(state.failures, lock);
    }

    /** The lock {@code failures} within the window earn: none below the threshold, then 1 s doubling up to {@code maxLock}. */
    public static Optional<Duration> lockAfter(int failures, int threshold, Duration maxLock) {
        if (failures < threshold) {
            return Optional.empty();
        }
        Duration lock = Duration.ofSeconds(1L << Math.min(failures - threshold, 30));
        return Optional.of(lock.compareTo(maxLock) > 0 ? maxLock : lock);
    }

    public synchronized void succeeded(String key) {
        states.remove(key);
    }

    /** Memory stays bounded when names are sprayed: keys whose window and lock are over go first. */
    private void forgetIdle(Instant now) {
        states.values().removeIf(state -> now.isAfter(state.since.plus(window))
                && (state.lockedUntil == null || now.isAfter(state.lockedUntil)));
        if (states.size() >= MAX_KEYS) {
            states.clear();
        }
    }
}
