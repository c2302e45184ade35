package org.hutong.information.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hutong.information.application.InformationView;

/**
 * One page of information in receive order.
 *
 * @param items the information on this page
 * @param next the URI of the following page, absent on the last page
 */
@Schema(name = "InformationPage")
@JsonbPropertyOrder({"items", "next"})
public record InformationPage(
        @Schema(implementation = InformationDocument.class, type = SchemaType.ARRAY) List<InformationView> items,
        @Schema(description = "URI of the following page; absent on the last page") String next) {
}
