package org.hutong.security.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottlingTest {

    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

    /** What the database keeps for every server, here in a map. */
    private final Map<String, int[]> failures = new HashMap<>();
    private final Map<String, Instant> locks = new HashMap<>();
    private final LoginThrottling throttling = new LoginThrottling();

    @BeforeEach
    void shareOneStore() {
        throttling.userThreshold = 3;
        throttling.sourceThreshold = 100;
        throttling.window = Duration.ofMinutes(15);
        throttling.maxLock = Duration.ofMinutes(15);
        throttling.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        throttling.users = new UserLoginFailures() {
            @Override
            public Optional<Instant> lockedUntil(String user, Instant now) {
                return Optional.ofNullable(locks.get(user)).filter(now::isBefore);
            }

            @Override
            public int failed(String user, Instant now, Instant windowCutoff) {
                return ++failures.computeIfAbsent(user, u -> new int[1])[0];
            }

            @Override
            public void lock(String user, Instant until) {
                locks.merge(user, until, (held, asked) -> held.isAfter(asked) ? held : asked);
            }

            @Override
            public void succeeded(String user) {
                failures.remove(user);
                locks.remove(user);
            }
        };
        throttling.init();
    }

    @Test
    void locksTheNameInTheSharedStoreAtTheThresholdAndDoublesAfter() {
        String alice = LoginThrottling.key("alice");
        assertThat(throttling.failed("alice", "10.0.0.1")).isEmpty();
        assertThat(throttling.failed("alice", "10.0.0.2")).isEmpty();
        assertThat(throttling.failed("alice", "10.0.0.3")).contains("user locked for 1 s after 3 failures");
        assertThat(locks).containsEntry(alice, NOW.plusSeconds(1));
        assertThat(throttling.refusal("alice", "10.0.0.4")).contains(new LoginThrottling.Refusal(Duration.ofSeconds(1), true));
        assertThat(throttling.refusal("alice", "10.0.0.4")).contains(new LoginThrottling.Refusal(Duration.ofSeconds(1), false));
        assertThat(throttling.failed("alice", "10.0.0.3")).contains("2 attempts were refused unchecked while locked")
                .contains("user locked for 2 s after 4 failures");
        assertThat(throttling.refusal("bob", "10.0.0.4")).isEmpty();
    }

    @Test
    void keepsOnlyDigestsOfNamesAndASuccessClearsTheName() {
        throttling.failed("correct horse battery staple", "10.0.0.1");
        assertThat(failures.keySet()).singleElement().asString().hasSize(64).matches("[0-9a-f]{64}")
                .doesNotContain("horse");
        throttling.succeeded("correct horse battery staple");
        assertThat(failures).isEmpty();
        // Any length, any character: the key is a digest.
        throttling.failed("x".repeat(5000) + "\u0000", "10.0.0.1");
        assertThat(failures.keySet()).singleElement().asString().hasSize(64);
    }

    @Test
    void aLockedAddressIsRefusedWithoutAskingTheSharedStore() {
        throttling.sourceThreshold = 1;
        throttling.init();
        throttling.failed(null, "10.0.0.9");
        throttling.users = null;
        assertThat(throttling.refusal("carol", "10.0.0.9")).isPresent();
    }
}
