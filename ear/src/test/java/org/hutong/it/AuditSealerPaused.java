package org.hutong.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Holds the audit sealer's PostgreSQL advisory lock from a session of the test's own, so that no
 * server seals while it is open: entries stay unsealed and the chain's end stays where it is.
 */
final class AuditSealerPaused implements AutoCloseable {

    /** The key the hub's sealer takes ({@code JpaAuditRepository.SEALER_LOCK}): a contract between servers. */
    static final long SEALER_LOCK = 0x487574_6f6e67_02L;

    private final Connection session;

    private AuditSealerPaused(Connection session) {
        this.session = session;
    }

    /** Waits for a sealing step under way to end, then holds the lock. */
    static AuditSealerPaused now() throws SQLException {
        Connection session = Database.hub().getConnection();
        try (PreparedStatement lock = session.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, SEALER_LOCK);
            lock.execute();
        } catch (SQLException e) {
            session.close();
            throw e;
        }
        return new AuditSealerPaused(session);
    }

    @Override
    public void close() throws SQLException {
        // Closing the session releases its advisory locks.
        session.close();
    }
}
