package org.hutong.information.domain;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hutong.shared.domain.CanonicalJson;
import org.hutong.shared.domain.InformationType;
import org.hutong.security.domain.SignedEnvelope;

/**
 * The envelope every piece of information travels in (framework.md §3).
 *
 * @param id the producer's unique id of this information; with {@code producer} it makes ingestion idempotent
 * @param type one of the six information types
 * @param specVersion version of Hutong's information description the body follows
 * @param producer id of the registered product that produced it
 * @param time when the producer created it
 * @param body the type's content: common fields and an {@code extension} object
 * @param signature optional detached JWS over the canonical envelope
 */
public record InformationEnvelope(
        String id,
        InformationType type,
        String specVersion,
        String producer,
        Instant time,
        JsonObject body,
        Optional<String> signature) implements SignedEnvelope {

    public InformationEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
    }

    /** The envelope as JSON, members in a fixed order. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", id)
                .add("type", type.wireName())
                .add("specVersion", specVersion)
                .add("producer", producer)
                .add("time", time.toString())
                .add("body", body);
        signature.ifPresent(value -> json.add("signature", value));
        return json.build();
    }

    /**
     * SHA-256 over the canonical form of the whole envelope: two envelopes with the same
     * content have the same hash whatever their member order or whitespace.
     */
    public String contentHash() {
        return CanonicalJson.sha256(toJson());
    }
}
