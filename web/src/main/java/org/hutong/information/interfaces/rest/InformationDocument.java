package org.hutong.information.interfaces.rest;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The schema of information as the hub hands it out ({@code InformationView}), for the OpenAPI
 * document: the scanner sees only this module's classes. A unit test keeps both in step.
 */
@Schema(name = "Information", description = "Information the hub accepted: the producer's envelope and the hub's receipt")
public record InformationDocument(
        @Schema(required = true, format = "uuid", description = "The producer's id of this information") String id,
        @Schema(required = true, enumeration = {"behavior", "alert", "asset", "vulnerability", "threat", "incident"})
        String type,
        @Schema(required = true, example = "1.0") String specVersion,
        @Schema(required = true, description = "Id of the product that produced it") String producer,
        @Schema(required = true, format = "date-time", description = "When the producer created it") String time,
        @Schema(required = true, description = "The type's content") JsonObject body,
        @Schema(description = "Detached JWS, when the producer signed it") String signature,
        @Schema(required = true) Hub hub) {

    @Schema(name = "HubReceipt", description = "What the hub recorded when it accepted the information")
    public record Hub(
            @Schema(required = true, format = "uuid", description = "The hub's id: GET /api/v1/information/{id}") String id,
            @Schema(required = true, description = "Receive order, strictly increasing") long sequence,
            @Schema(required = true, format = "date-time", description = "When the hub stored it") String receivedAt) {
    }
}
