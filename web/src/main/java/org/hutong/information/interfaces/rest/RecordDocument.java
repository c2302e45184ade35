package org.hutong.information.interfaces.rest;

import jakarta.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The schema of a stateful record ({@code RecordView}) for the OpenAPI document. */
@Schema(name = "Record", description = "An asset, vulnerability or incident: its current state and, read alone, its history")
public record RecordDocument(
        @Schema(required = true, format = "uuid", description = "The hub's id of the record") String id,
        @Schema(required = true, enumeration = {"asset", "vulnerability", "incident"}) String kind,
        @Schema(required = true, description = "1 when first stored, one more with every change") int version,
        @Schema(required = true, format = "date-time") String firstSeen,
        @Schema(required = true, format = "date-time") String lastSeen,
        @Schema(required = true, description = "The bodies of its information merged, later members winning")
        JsonObject state,
        @Schema(description = "Every change, oldest first; present when one record is read") List<Change> history) {

    @Schema(name = "RecordChange")
    public record Change(
            @Schema(required = true, format = "date-time") String at,
            @Schema(required = true, description = "The producer whose information changed it, or the person") String actor,
            @Schema(format = "uuid", description = "hub.id of the information that changed it") String information,
            @Schema(description = "An incident's status before the change") String statusFrom,
            @Schema(description = "An incident's status after the change") String statusTo,
            @Schema(description = "What the person said about the change") String comment) {
    }
}
