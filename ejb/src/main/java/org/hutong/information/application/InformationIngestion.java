package org.hutong.information.application;

import jakarta.ejb.Local;
import java.util.List;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.shared.domain.Violation;
import org.hutong.shared.domain.Sender;
import org.hutong.exchange.application.ReceivedMessage;

/** The one way information enters the hub, whatever the channel. */
@Local
public interface InformationIngestion {

    /**
     * Validates, stores and distributes one envelope. Storing and publishing commit together;
     * the receipt is returned only once both are durable.
     *
     * @throws InvalidInformationException if the text is not a valid envelope (nothing is stored)
     * @throws ConflictingInformationException if the producer already sent this id with other content
     */
    IngestionReceipt ingest(String envelopeJson, Sender sender);

    /**
     * Ingests a JSON array of envelopes in one transaction, deciding item by item: each is
     * accepted, a duplicate, or rejected with its reasons. An infrastructure failure fails the
     * whole batch (nothing is stored), so the sender can safely send it again.
     *
     * @throws InvalidInformationException if the text is not a JSON array
     * @throws InformationTooLargeException if the batch holds more envelopes than allowed
     */
    BatchReceipt ingestBatch(String batchJson, RejectionPolicy policy, Sender sender);

    /**
     * Ingests messages taken from the ingress queue in one transaction: each message, one envelope or
     * a batch, is stored or parked with its reasons (refusals audited), so that the caller may
     * acknowledge all of them once this returns. An infrastructure failure fails them all.
     */
    void ingestReceived(List<ReceivedMessage> messages);

    /**
     * Stores and publishes information the hub itself produces about a record it keeps (an incident it
     * correlated, or any incident's status change): producer {@value
     * org.hutong.information.domain.correlation.IncidentDraft#REPORTER}, a fresh envelope id, checked
     * against the schemas like any envelope. The record is already up to date, so no record keeping follows.
     *
     * @return the hub id of the stored information
     */
    String publishOwn(org.hutong.shared.domain.InformationType type, jakarta.json.JsonObject body);

    /** Whether a payload is a batch (a JSON array) rather than one envelope, without parsing it. */
    static boolean isBatch(String payload) {
        if (payload != null) {
            for (int i = 0; i < payload.length(); i++) {
                char c = payload.charAt(i);
                if (!Character.isWhitespace(c)) {
                    return c == '[';
                }
            }
        }
        return false;
    }

    /** Parks a message that cannot be ingested on the information dead-letter queue, with the reasons. */
    void reject(String payload, String reason, List<Violation> violations);
}
