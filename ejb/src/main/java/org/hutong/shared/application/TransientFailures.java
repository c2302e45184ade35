package org.hutong.shared.application;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a transactional call again when the database refused it for a reason a second attempt
 * removes: a unique key a concurrent transaction stored first (SQLState class 23), a deadlock,
 * lock time-out or serialization failure (class 40), or a row changed concurrently (optimistic
 * lock). Each attempt must be its own transaction.
 */
public final class TransientFailures {

    public static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(TransientFailures.class.getName());

    private TransientFailures() {
    }

    public static <T> T retrying(Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (EJBException e) {
                if (tried == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.log(Level.FINE, "Attempt " + tried + " met a transient database conflict; trying again", e);
            }
        }
    }

    /**
     * Whether a failure is the database's or the broker's rather than the work's: a conflict another
     * attempt removes, a lost or refused connection, a server shutting down or out of resources. Work
     * that fails otherwise fails the same way every time (a poison item).
     */
    public static boolean isInfrastructure(Throwable failure) {
        if (isTransient(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getSQLState() == null || sql.getSQLState().startsWith("08")
                    || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
            if (cause instanceof jakarta.jms.JMSException || cause instanceof jakarta.jms.JMSRuntimeException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
