package org.hutong.information.application;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationRecord;

/**
 * Information as the hub hands it out — over REST and on the distribution addresses alike:
 * the producer's envelope plus what the hub recorded when it accepted it.
 */
@JsonbPropertyOrder({"id", "type", "specVersion", "producer", "time", "body", "signature", "hub"})
public record InformationView(
        String id,
        String type,
        String specVersion,
        String producer,
        Instant time,
        JsonObject body,
        String signature,
        HubReceipt hub) {

    /**
     * What the hub added on receipt.
     *
     * @param id the hub's id of this information: {@code GET /api/v1/information/{id}}
     * @param sequence receive order, strictly increasing
     * @param receivedAt when the hub stored it
     */
    @JsonbPropertyOrder({"id", "sequence", "receivedAt"})
    public record HubReceipt(String id, long sequence, Instant receivedAt) {
    }

    /**
     * By the hub id: JSON-B hashes every object it writes (to detect cycles), and the generated hash
     * would walk the whole body of every item of a batch answer. Views that are equal have the same
     * hub id, so this agrees with {@link #equals}.
     */
    @Override
    public int hashCode() {
        return hub == null ? 0 : hub.id().hashCode();
    }

    public static InformationView of(InformationRecord record) {
        return of(record, record.envelope());
    }

    /** The view of a record whose envelope is at hand: saves reading the stored body back. */
    public static InformationView of(InformationRecord record, InformationEnvelope envelope) {
        return new InformationView(envelope.id(), envelope.type().wireName(), envelope.specVersion(),
                envelope.producer(), envelope.time(), envelope.body(), envelope.signature().orElse(null),
                new HubReceipt(record.hubId(), record.sequence().orElseThrow(), record.receivedAt()));
    }
}
