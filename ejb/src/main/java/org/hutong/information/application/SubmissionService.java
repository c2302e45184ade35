package org.hutong.information.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;
import org.hutong.shared.domain.Roles;
import org.hutong.shared.domain.Sender;
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

    @Resource
    SessionContext session;

    @Override
    @RolesAllowed(Roles.PRODUCT)
    public IngestionReceipt submit(String envelopeJson) {
        Sender sender = caller();
        return retryingTransientFailures(() -> ingestion.ingest(envelopeJson, sender));
    }

    @Override
    @RolesAllowed(Roles.PRODUCT)
    public BatchReceipt submitBatch(String batchJson) {
        Sender sender = caller();
        return retryingTransientFailures(() -> ingestion.ingestBatch(batchJson, RejectionPolicy.REPORT, sender));
    }

    /** The product publishing: the caller the container authenticated, whatever the envelope names. */
    private Sender caller() {
        return Sender.product(session.getCallerPrincipal().getName());
    }

    static <T> T retryingTransientFailures(Supplier<T> attempt) {
        return TransientFailures.retrying(attempt);
    }
}
