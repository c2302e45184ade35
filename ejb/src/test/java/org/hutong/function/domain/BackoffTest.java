package org.hutong.function.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToAMinute() {
        assertThat(List.of(1, 2, 3, 4, 7, 30)).extracting(Backoff::after).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofMinutes(1),
                Duration.ofMinutes(1));
    }

    @Test
    void theCallerIsCalledBackOnceTheInvocationEndsAndGivenUpOnAfterTenFailures() {
        Instant t0 = Instant.parse("2026-11-29T02:00:00Z");
        Invocation invocation = new Invocation("protect.block-url", "waf-1", List.of("waf-1"), "{}",
                Duration.ofSeconds(5), "soc", "https://soc.example/callback", t0);
        assertThat(invocation.callbackState()).isEqualTo("none");

        invocation.targets().get(0).report(TargetStatus.FAILED, null, "no such rule", t0.plusSeconds(1));
        assertThat(invocation.callbackState()).isEqualTo("due");

        for (int attempt = 1; attempt < Invocation.MAX_CALLBACK_ATTEMPTS; attempt++) {
            invocation.callbackFailed(t0);
            assertThat(invocation.callbackState()).isEqualTo("due");
        }
        invocation.callbackFailed(t0);
        assertThat(invocation.callbackState()).isEqualTo("failed");
        assertThat(invocation.callbackAttempts()).isEqualTo(Invocation.MAX_CALLBACK_ATTEMPTS);
    }

    @Test
    void aFailedDeliveryToAProductWaitsLongerEachTime() {
        Instant t0 = Instant.parse("2026-11-29T02:00:00Z");
        Invocation invocation = new Invocation("protect.block-url", "waf-1", List.of("waf-1"), "{}",
                Duration.ofSeconds(60), "soc", null, t0);
        InvocationTarget target = invocation.targets().get(0);
        target.deliverOverHttps(t0);
        target.deliveryFailed("HTTP 503", t0);
        target.deliveryFailed("HTTP 503", t0);

        assertThat(target.attempts()).isEqualTo(2);
        assertThat(target.error()).hasValueSatisfying(error -> assertThat(error).contains("attempt 2"));
        target.delivered(t0.plusSeconds(3));
        assertThat(target.status()).isEqualTo(TargetStatus.DISPATCHED);
        assertThat(target.error()).isEmpty();
    }
}
