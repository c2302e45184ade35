package org.hutong.function.interfaces.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product's result for one command, as sent over HTTP (the same members as on hutong.function.results). */
@Schema(name = "FunctionResult")
public record ResultDocument(
        @JsonbProperty("request_id") @Schema(required = true, description = "The command's request_id") String requestId,
        @Schema(description = "The reporting product's id") String product,
        @Schema(required = true, enumeration = {"accepted", "succeeded", "failed"}) String status,
        @Schema(description = "Details of the outcome") JsonObject result,
        @Schema(description = "Why it failed") String error,
        @Schema(description = "Envelopes the result carries, e.g. discovered assets") JsonArray information) {
}
