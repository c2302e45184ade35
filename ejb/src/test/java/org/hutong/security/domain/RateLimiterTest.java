package org.hutong.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(nanos::get);

    @Test
    void letsABurstOfOneSecondThroughThenRefusesWithTheWaitForTheNextToken() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("fw-01", 4)).as("request %d", i).isEmpty();
        }
        assertThat(limiter.acquire("fw-01", 4)).hasValue(Duration.ofMillis(250));

        nanos.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(limiter.acquire("fw-01", 4)).isEmpty();
        assertThat(limiter.acquire("fw-01", 4)).isPresent();
    }

    @Test
    void keepsOneBucketPerProduct() {
        assertThat(limiter.acquire("fw-01", 1)).isEmpty();
        assertThat(limiter.acquire("fw-01", 1)).isPresent();
        assertThat(limiter.acquire("ids-01", 1)).isEmpty();
    }
}
