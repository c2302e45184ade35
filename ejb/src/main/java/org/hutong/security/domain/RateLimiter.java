package org.hutong.security.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per caller: each holds up to one second's worth of requests and refills at
 * the caller's rate. A request that finds the bucket empty is refused with the time until the next
 * token, for a {@code Retry-After}.
 */
public final class RateLimiter {

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** @return empty if {@code caller} may go ahead at {@code perSecond}; else how long until it may */
    public Optional<Duration> acquire(String caller, int perSecond) {
        return buckets.computeIfAbsent(caller, key -> new Bucket(nanoClock.getAsLong())).take(perSecond, nanoClock.getAsLong());
    }

    private static final class Bucket {
        private double tokens = -1;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(int perSecond, long now) {
            if (tokens < 0) {
                tokens = perSecond;
            }
            tokens = Math.min(perSecond, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
        }
    }
}
