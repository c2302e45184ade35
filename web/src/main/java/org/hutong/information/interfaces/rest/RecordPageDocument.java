package org.hutong.information.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hutong.information.application.RecordView;

/**
 * One page of assets, vulnerabilities or incidents, in the order the hub first stored them.
 *
 * @param items the records on this page
 * @param cursor the cursor of the following page, absent on the last page
 * @param next the URI of the following page, absent on the last page
 */
@Schema(name = "RecordPage")
@JsonbPropertyOrder({"items", "cursor", "next"})
public record RecordPageDocument(
        @Schema(implementation = RecordDocument.class, type = SchemaType.ARRAY) List<RecordView> items,
        @Schema(description = "Opaque cursor of the following page; absent on the last page") String cursor,
        @Schema(description = "URI of the following page; absent on the last page") String next) {
}
