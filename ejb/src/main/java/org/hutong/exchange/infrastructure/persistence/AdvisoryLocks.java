package org.hutong.exchange.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL advisory locks that serialize work across servers: held until the transaction ends. */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Whether this transaction now holds lock {@code id}; false at once if another transaction does. */
    public static boolean tryTransactionLock(Connection connection, long id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, id);
            try (ResultSet locked = lock.executeQuery()) {
                return locked.next() && locked.getBoolean(1);
            }
        }
    }
}
