package org.hutong.information.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hutong.information.application.InformationView;

/**
 * One page of information in receive order.
 *
 * @param items the information on this page
 * @param firstReceivedAt when the hub received the first item of the page
 * @param lastReceivedAt when the hub received the last item of the page
 * @param cursor where to resume: after the last item handed out (on the last page too, to poll for more)
 * @param next the URI of the following page, absent when no more information is waiting
 */
@Schema(name = "InformationPage")
@JsonbPropertyOrder({"items", "firstReceivedAt", "lastReceivedAt", "cursor", "next"})
public record InformationPage(
        @Schema(implementation = InformationDocument.class, type = SchemaType.ARRAY) List<InformationView> items,
        @Schema(format = "date-time", description = "Receive time of the first item") Instant firstReceivedAt,
        @Schema(format = "date-time", description = "Receive time of the last item") Instant lastReceivedAt,
        @Schema(description = "Opaque cursor: resumes after the last item handed out; on the last page too, "
                + "to poll for newer information") String cursor,
        @Schema(description = "URI of the following page; absent when no more information is waiting") String next) {

    static InformationPage of(List<InformationView> items, String cursor, String next) {
        return new InformationPage(items,
                items.isEmpty() ? null : items.get(0).hub().receivedAt(),
                items.isEmpty() ? null : items.get(items.size() - 1).hub().receivedAt(),
                cursor, next);
    }
}
