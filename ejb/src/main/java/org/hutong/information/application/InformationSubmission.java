package org.hutong.information.application;

import jakarta.ejb.Local;
import org.hutong.shared.domain.Sender;

/**
 * Ingestion for callers that wait for an answer (HTTP). Each attempt is its own transaction;
 * when a concurrent submission of the same information wins the race to store it, the loser is
 * answered as a duplicate instead of with a failure.
 */
@Local
public interface InformationSubmission {

    /** Ingests as the authenticated product (the EJB caller). @see InformationIngestion#ingest(String, Sender) */
    IngestionReceipt submit(String envelopeJson);

    /** As {@link #submit}, for a batch. @see InformationIngestion#ingestBatch(String, RejectionPolicy, Sender) */
    BatchReceipt submitBatch(String batchJson);
}
