package org.hutong.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.security.domain.LoginBackoff;

/**
 * Slows down credential guessing on this server: per user name (passwords) and per source address
 * (every mechanism). State is in this server's memory; two servers each hold their own.
 */
@ApplicationScoped
public class LoginThrottling {

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

    private LoginBackoff users;
    private LoginBackoff sources;

    @PostConstruct
    void init() {
        users = new LoginBackoff(userThreshold, window, maxLock, clock);
        sources = new LoginBackoff(sourceThreshold, window, maxLock, clock);
    }

    /** Whether {@code user} (null when no name was given) from {@code source} must wait before trying. */
    public Optional<Refusal> refusal(String user, String source) {
        Optional<LoginBackoff.Locked> bySource = sources.refusal(source);
        Optional<LoginBackoff.Locked> byUser = user == null ? Optional.empty() : users.refusal(user);
        if (bySource.isEmpty() && byUser.isEmpty()) {
            return Optional.empty();
        }
        Duration wait = bySource.map(LoginBackoff.Locked::retryAfter).orElse(Duration.ZERO);
        if (byUser.isPresent() && byUser.get().retryAfter().compareTo(wait) > 0) {
            wait = byUser.get().retryAfter();
        }
        boolean first = bySource.map(locked -> locked.refused() == 1).orElse(false)
                || byUser.map(locked -> locked.refused() == 1).orElse(false);
        return Optional.of(new Refusal(wait, first));
    }

    /** Records a failed check; answers the lock it started and the attempts refused since the last check. */
    public String failed(String user, String source) {
        StringBuilder note = new StringBuilder();
        long refused = sources.drainRefused(source) + (user == null ? 0 : users.drainRefused(user));
        if (refused > 0) {
            note.append("; ").append(refused).append(" attempts were refused unchecked while locked");
        }
        LoginBackoff.Failure bySource = sources.failed(source);
        bySource.lock().ifPresent(lock -> note.append("; source ").append(source).append(" locked for ")
                .append(lock.toSeconds()).append(" s after ").append(bySource.failures()).append(" failures"));
        if (user != null) {
            LoginBackoff.Failure byUser = users.failed(user);
            byUser.lock().ifPresent(lock -> note.append("; user locked for ").append(lock.toSeconds())
                    .append(" s after ").append(byUser.failures()).append(" failures"));
        }
        return note.toString();
    }

    public void succeeded(String user) {
        users.succeeded(user);
    }
}
