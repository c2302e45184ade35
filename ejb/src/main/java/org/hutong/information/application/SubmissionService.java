package org.hutong.information.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;
import org.hutong.security.domain.Sender;
import org.hutong.shared.application.TransientFailures;

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

    static final int ATTEMPTS = TransientFailures.ATTEMPTS;

    @EJB
    InformationIngestion ingestion;

    @Override
    public IngestionReceipt submit(String envelopeJson, Sender sender) {
        return retryingTransientFailures(() -> ingestion.ingest(envelopeJson, sender));
    }

    @Override
    public BatchReceipt submitBatch(String batchJson, Sender sender) {
        return retryingTransientFailures(() -> ingestion.ingestBatch(batchJson, RejectionPolicy.REPORT, sender));
    }

    static <T> T retryingTransientFailures(Supplier<T> attempt) {
        return TransientFailures.retrying(attempt);
    }
}
