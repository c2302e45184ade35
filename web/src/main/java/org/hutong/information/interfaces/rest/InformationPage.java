package org.hutong.information.interfaces.rest;

import jakarta.json.spi.JsonProvider;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hutong.information.application.InformationText;
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

    /**
     * The page as JSON, the same members in the same order as this record: the items' text is
     * copied, not parsed and written again (a page of 1000 alerts is about 1 MB).
     */
    static String json(List<InformationText> items, String cursor, String next) {
        StringBuilder json = new StringBuilder(items.stream().mapToInt(item -> item.json().length() + 1).sum() + 400)
                .append("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ",").append(items.get(i).json());
        }
        json.append(']');
        if (!items.isEmpty()) {
            json.append(",\"firstReceivedAt\":").append(quoted(items.get(0).receivedAt().toString()))
                    .append(",\"lastReceivedAt\":").append(quoted(items.get(items.size() - 1).receivedAt().toString()));
        }
        if (cursor != null) {
            json.append(",\"cursor\":").append(quoted(cursor));
        }
        if (next != null) {
            json.append(",\"next\":").append(quoted(next));
        }
        return json.append('}').toString();
    }

    private static final JsonProvider JSON = JsonProvider.provider();

    private static String quoted(String value) {
        return JSON.createValue(value).toString();
    }
}
