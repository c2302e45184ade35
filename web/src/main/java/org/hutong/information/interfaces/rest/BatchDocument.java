package org.hutong.information.interfaces.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The schema of a batch answer ({@code BatchReceipt}), for the OpenAPI document. */
@Schema(name = "BatchReceipt", description = "The outcome of every envelope of a batch, in the order sent")
public record BatchDocument(
        @Schema(required = true) int accepted,
        @Schema(required = true) int duplicates,
        @Schema(required = true) int rejected,
        @Schema(required = true) List<Item> items) {

    @Schema(name = "BatchItemOutcome")
    public record Item(
            @Schema(required = true, description = "Position in the batch, from 0") int index,
            @Schema(required = true, enumeration = {"accepted", "duplicate", "rejected"}) String status,
            @Schema(description = "The stored information, unless rejected") InformationDocument information,
            @Schema(description = "Why it was rejected") String reason,
            @Schema(description = "Every violation, when rejected") List<Violation> violations) {
    }

    @Schema(name = "InformationViolation")
    public record Violation(
            @Schema(description = "JSON Pointer into the envelope") String pointer,
            String message) {
    }
}
