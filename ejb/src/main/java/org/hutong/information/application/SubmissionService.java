package org.hutong.information.application;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retries once when the database refused a write for a unique key: the only way that happens is
 * that the same (producer, id) was stored by a concurrent transaction between the duplicate check
 * and the insert, and the second attempt then finds it and answers "duplicate".
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubmissionService implements InformationSubmission {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class.getName());
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    @EJB
    InformationIngestion ingestion;

    @Override
    public IngestionReceipt submit(String envelopeJson) {
        return onceMoreAfterARace(() -> ingestion.ingest(envelopeJson));
    }

    @Override
    public BatchReceipt submitBatch(String batchJson) {
        return onceMoreAfterARace(() -> ingestion.ingestBatch(batchJson, RejectionPolicy.REPORT));
    }

    static <T> T onceMoreAfterARace(Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (EJBException e) {
            if (!lostARace(e)) {
                throw e;
            }
            LOG.log(Level.FINE, "A concurrent submission stored the same information first; trying again", e);
            return attempt.get();
        }
    }

    static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
