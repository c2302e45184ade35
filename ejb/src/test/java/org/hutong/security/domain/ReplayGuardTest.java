package org.hutong.security.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private final ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void admitsAMessageOnceWithinTheWindow() {
        assertThatCode(() -> guard.admit("ids-01", "m-1", NOW.minusSeconds(60))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.admit("ids-01", "m-1", NOW.minusSeconds(60)))
                .isInstanceOf(ReplayRefusedException.class).hasMessageContaining("replay");
        // The same id from another sender is another message.
        assertThatCode(() -> guard.admit("fw-02", "m-1", NOW)).doesNotThrowAnyException();
    }

    @Test
    void refusesTimesOutsideTheWindow() {
        assertThatThrownBy(() -> guard.admit("ids-01", "old", NOW.minus(Duration.ofMinutes(6))))
                .hasMessageContaining("outside the accepted window");
        assertThatThrownBy(() -> guard.admit("ids-01", "future", NOW.plus(Duration.ofMinutes(6))))
                .hasMessageContaining("outside the accepted window");
    }
}
