package org.hutong.information.application;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each submission in its own transaction and tries again when the database refused it for
 * a reason a second attempt removes: a unique key a concurrent transaction stored first (the
 * retry then finds it and answers "duplicate", or merges into the record it created), a deadlock
 * or lock time-out (SQLState class 40), or a stateful record changed concurrently (optimistic
 * lock). Anything else goes straight back to the caller.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubmissionService implements InformationSubmission {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class.getName());
    static final int ATTEMPTS = 3;
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";
    private static final String TRANSACTION_ROLLBACK = "40";

    @EJB
    InformationIngestion ingestion;

    @Override
    public IngestionReceipt submit(String envelopeJson) {
        return retryingTransientFailures(() -> ingestion.ingest(envelopeJson));
    }

    @Override
    public BatchReceipt submitBatch(String batchJson) {
        return retryingTransientFailures(() -> ingestion.ingestBatch(batchJson, RejectionPolicy.REPORT));
    }

    static <T> T retryingTransientFailures(Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (EJBException e) {
                if (tried == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.log(Level.FINE, "Submission attempt " + tried + " met a transient database conflict; trying again", e);
            }
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)
                            || sql.getSQLState().startsWith(TRANSACTION_ROLLBACK))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
