package org.hutong.function.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * What a product reports about a command.
 *
 * @param requestId the command's request_id
 * @param product the reporting product's id
 * @param status accepted, succeeded or failed
 * @param result the outcome's details, if any
 * @param error why it failed, if it did
 * @param information envelopes the result carries (discovered assets, found vulnerabilities), if any
 */
public record ResultReport(String requestId, String product, String status, JsonObject result, String error,
        JsonArray information, String signature, String signingInput) {

    /** An unsigned report. */
    public ResultReport(String requestId, String product, String status, JsonObject result, String error,
            JsonArray information) {
        this(requestId, product, status, result, error, information, null, null);
    }

    /** The same report, from {@code productId}. */
    public ResultReport from(String productId) {
        return new ResultReport(requestId, productId, status, result, error, information, signature, signingInput);
    }
}
