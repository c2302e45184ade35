package org.hutong.security.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.hutong.security.application.UserLoginFailures;

/**
 * {@link UserLoginFailures} in PostgreSQL (V16 {@code login_failure}), one statement per step, each its
 * own transaction: authentication runs outside any container transaction.
 */
@ApplicationScoped
public class JdbcUserLoginFailures implements UserLoginFailures {

    /** One failure in this many also forgets names whose window and lock are over: sprayed names do not pile up. */
    private static final int CLEAN_UP_ONE_IN = 100;

    @Resource(lookup = "jdbc/hutong")
    DataSource dataSource;

    @Override
    public Optional<Instant> lockedUntil(String user, Instant now) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT locked_until FROM login_failure WHERE user_key = ? AND locked_until > ?")) {
            select.setString(1, user);
            select.setObject(2, utc(now));
            try (ResultSet locked = select.executeQuery()) {
                return locked.next() ? Optional.of(locked.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the failed logins of a user: " + e.getMessage(), e);
        }
    }

    @Override
    public int failed(String user, Instant now, Instant windowCutoff) {
        try (Connection connection = dataSource.getConnection()) {
            int failures;
            try (PreparedStatement count = connection.prepareStatement("INSERT INTO login_failure AS f"
                    + " (user_key, failures, window_start) VALUES (?, 1, ?) ON CONFLICT (user_key) DO UPDATE SET"
                    + " failures = CASE WHEN f.window_start < ? THEN 1 ELSE f.failures + 1 END,"
                    + " window_start = CASE WHEN f.window_start < ? THEN EXCLUDED.window_start ELSE f.window_start END"
                    + " RETURNING failures")) {
                count.setString(1, user);
                count.setObject(2, utc(now));
                count.setObject(3, utc(windowCutoff));
                count.setObject(4, utc(windowCutoff));
                try (ResultSet counted = count.executeQuery()) {
                    counted.next();
                    failures = counted.getInt(1);
                }
            }
            if (ThreadLocalRandom.current().nextInt(CLEAN_UP_ONE_IN) == 0) {
                forgetIdle(connection, now, windowCutoff);
            }
            return failures;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count a failed login: " + e.getMessage(), e);
        }
    }

    @Override
    public void lock(String user, Instant until) {
        execute("UPDATE login_failure SET locked_until = GREATEST(COALESCE(locked_until, ?), ?) WHERE user_key = ?",
                utc(until), utc(until), user);
    }

    @Override
    public void succeeded(String user) {
        execute("DELETE FROM login_failure WHERE user_key = ?", user);
    }

    private static void forgetIdle(Connection connection, Instant now, Instant windowCutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM login_failure WHERE window_start < ?"
                + " AND (locked_until IS NULL OR locked_until < ?)")) {
            delete.setObject(1, utc(windowCutoff));
            delete.setObject(2, utc(now));
            delete.executeUpdate();
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the failed logins of a user: " + e.getMessage(), e);
        }
    }

    /** UTC wall-clock time, as the hub keeps every timestamp. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
