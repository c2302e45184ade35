package org.hutong.function.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.hutong.shared.domain.CanonicalJson;

/**
 * Reads the result message products send: a JSON object with {@code request_id}, {@code status}
 * (accepted, succeeded, failed) and optionally {@code product}, {@code result} (object),
 * {@code error} (text), {@code information} (an array of envelopes) and {@code signature} (a detached
 * JWS over the canonical message without it).
 */
public final class ResultReports {

    private ResultReports() {
    }

    /** The report in {@code text}, or the reason it is not one. */
    public static ResultReport parse(String text) {
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(text == null ? "" : text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("a result is a JSON object: " + e.getMessage());
        }
        String requestId = string(json, "request_id")
                .orElseThrow(() -> new IllegalArgumentException("a result needs its command's request_id"));
        String status = string(json, "status")
                .orElseThrow(() -> new IllegalArgumentException("a result needs a status: accepted, succeeded or failed"));
        JsonValue result = json.get("result");
        if (result != null && result.getValueType() != JsonValue.ValueType.OBJECT
                && result.getValueType() != JsonValue.ValueType.NULL) {
            throw new IllegalArgumentException("result must be a JSON object");
        }
        JsonValue information = json.get("information");
        if (information != null && information.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("information must be an array of envelopes");
        }
        // A signature covers the canonical message without it, as for envelopes.
        return new ResultReport(requestId, string(json, "product").orElse(null), status,
                result instanceof JsonObject object ? object : null, string(json, "error").orElse(null),
                information instanceof JsonArray array ? array : null, string(json, "signature").orElse(null),
                CanonicalJson.write(JSON.createObjectBuilder(json).remove("signature").build()));
    }

    private static Optional<String> string(JsonObject json, String member) {
        return json.get(member) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }
}
