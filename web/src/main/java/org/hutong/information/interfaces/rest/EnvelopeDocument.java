package org.hutong.information.interfaces.rest;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request body of {@code POST /information}, for the OpenAPI document only: the body is
 * read as text and validated by the same parser every channel uses.
 */
@Schema(name = "InformationEnvelope", description = "One piece of interoperability information (framework §3)")
public record EnvelopeDocument(
        @Schema(required = true, format = "uuid", description = "The producer's unique id of this information")
        String id,
        @Schema(required = true, enumeration = {"behavior", "alert", "asset", "vulnerability", "threat", "incident"})
        String type,
        @Schema(required = true, example = "1.0", description = "Version of the information description")
        String specVersion,
        @Schema(required = true, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$",
                description = "Id of the registered product that produced it")
        String producer,
        @Schema(required = true, format = "date-time", description = "When the producer created it (RFC 3339); kept to the microsecond")
        String time,
        @Schema(required = true, description = "The type's content: common fields and an extension object")
        JsonObject body,
        @Schema(description = "Optional detached JWS over the canonical envelope")
        String signature) {
}
