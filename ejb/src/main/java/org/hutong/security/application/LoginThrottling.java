package org.hutong.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.security.domain.LoginBackoff;

/**
 * Slows down credential guessing: per user name (passwords), counted in the database every server
 * shares, so attempts spread over the servers behind a balancer meet one lock; and per source address
 * (every mechanism), in this server's memory — behind a TCP pass-through balancer every client has the
 * balancer's address, so that limit counts everyone together (docs/deployment.md).
 */
@ApplicationScoped
public class LoginThrottling {

    /** Refusals counted per name on this server (for the audit's aggregate), bounded like {@link LoginBackoff}. */
    private static final int MAX_REFUSED_KEYS = 100_000;

    /** A locked attempt: how long, and whether it is the first refusal of this lock (audit it once). */
    public record Refusal(Duration retryAfter, boolean first) {
    }

    @Inject
    @ConfigProperty(name = "hutong.security.login.max.failures", defaultValue = "5")
    int userThreshold;

    @Inject
    @ConfigProperty(name = "hutong.security.login.source.max.failures", defaultValue = "100")
    int sourceThreshold;

    @Inject
    @ConfigProperty(name = "hutong.security.login.window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "hutong.security.login.max.lock", defaultValue = "PT15M")
    Duration maxLock;

    @Inject
    Clock clock;

    @Inject
    UserLoginFailures users;

    private LoginBackoff sources;
    private final Map<String, Long> refusedUsers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        if (userThreshold < 1) {
            throw new IllegalArgumentException("hutong.security.login.max.failures must be at least 1, not " + userThreshold);
        }
        sources = new LoginBackoff(sourceThreshold, window, maxLock, clock);
    }

    /** Whether {@code user} (null when no name was given) from {@code source} must wait before trying. */
    public Optional<Refusal> refusal(String user, String source) {
        Optional<LoginBackoff.Locked> bySource = sources.refusal(source);
        if (bySource.isPresent()) {
            // Refused in memory: a flood from a locked address costs the database nothing.
            return Optional.of(new Refusal(bySource.get().retryAfter(), bySource.get().refused() == 1));
        }
        if (user == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String key = key(user);
        return users.lockedUntil(key, now).map(until -> {
            if (refusedUsers.size() >= MAX_REFUSED_KEYS) {
                refusedUsers.clear();
            }
            long refused = refusedUsers.merge(key, 1L, Long::sum);
            return new Refusal(Duration.between(now, until), refused == 1);
        });
    }

    /** Records a failed check; answers the lock it started and the attempts refused since the last check. */
    public String failed(String user, String source) {
        StringBuilder note = new StringBuilder();
        Instant now = clock.instant();
        long refused = sources.drainRefused(source);
        int userFailures = 0;
        if (user != null) {
            userFailures = users.failed(key(user), now, now.minus(window));
            Long refusedUser = refusedUsers.remove(key(user));
            refused += refusedUser == null ? 0 : refusedUser;
        }
        if (refused > 0) {
            note.append("; ").append(refused).append(" attempts were refused unchecked while locked");
        }
        LoginBackoff.Failure bySource = sources.failed(source);
        bySource.lock().ifPresent(lock -> note.append("; source ").append(source).append(" locked for ")
                .append(lock.toSeconds()).append(" s after ").append(bySource.failures()).append(" failures"));
        if (user != null) {
            int failures = userFailures;
            Optional<Duration> lock = LoginBackoff.lockAfter(failures, userThreshold, maxLock);
            if (lock.isPresent()) {
                users.lock(key(user), now.plus(lock.get()));
                note.append("; user locked for ").append(lock.get().toSeconds()).append(" s after ").append(failures)
                        .append(" failures");
            }
        }
        return note.toString();
    }

    public void succeeded(String user) {
        refusedUsers.remove(key(user));
        users.succeeded(key(user));
    }

    /** The name's digest: never the name (people type passwords there), any length, any character. */
    static String key(String user) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(user.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
