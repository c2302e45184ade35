package org.hutong.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginBackoffTest {

    private Instant now = Instant.parse("2026-12-05T03:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginBackoff backoff = new LoginBackoff(3, Duration.ofMinutes(15), Duration.ofSeconds(8), clock);

    @Test
    void locksAfterTheThresholdForOneSecondThenDoublesUpToTheMaximum() {
        assertThat(backoff.failed("tess").lock()).isEmpty();
        assertThat(backoff.failed("tess").lock()).isEmpty();
        assertThat(backoff.failed("tess").lock()).contains(Duration.ofSeconds(1));
        assertThat(backoff.refusal("tess")).hasValueSatisfying(locked -> {
            assertThat(locked.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(locked.refused()).isEqualTo(1);
        });

        now = now.plusSeconds(1);
        assertThat(backoff.refusal("tess")).isEmpty();
        assertThat(backoff.failed("tess").lock()).contains(Duration.ofSeconds(2));
        now = now.plusSeconds(2);
        assertThat(backoff.failed("tess").lock()).contains(Duration.ofSeconds(4));
        now = now.plusSeconds(4);
        assertThat(backoff.failed("tess").lock()).contains(Duration.ofSeconds(8));
        now = now.plusSeconds(8);
        assertThat(backoff.failed("tess").lock()).as("capped").contains(Duration.ofSeconds(8));
    }

    @Test
    void refusedAttemptsDoNotLengthenTheLockAndAreCounted() {
        for (int i = 0; i < 3; i++) {
            backoff.failed("tess");
        }
        for (int i = 0; i < 50; i++) {
            backoff.refusal("tess");
        }
        now = now.plusMillis(1000);

        assertThat(backoff.refusal("tess")).isEmpty();
        assertThat(backoff.drainRefused("tess")).isEqualTo(50);
        assertThat(backoff.drainRefused("tess")).isZero();
    }

    @Test
    void aSuccessOrTheEndOfTheWindowStartsAfresh() {
        backoff.failed("tess");
        backoff.failed("tess");
        backoff.succeeded("tess");
        assertThat(backoff.failed("tess").failures()).isEqualTo(1);

        backoff.failed("tess");
        now = now.plus(Duration.ofMinutes(16));
        assertThat(backoff.failed("tess").failures()).isEqualTo(1);
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            backoff.failed("tess");
        }
        assertThat(backoff.refusal("tess")).isPresent();
        assertThat(backoff.refusal("alice")).isEmpty();
    }
}
