package org.hutong.information.interfaces.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The schema of a code list ({@code CodeList}), for the OpenAPI document. */
@Schema(name = "CodeList", description = "Codes borrowed from a national standard, with their Chinese names")
public record CodeListDocument(
        @Schema(required = true) String name,
        @Schema(required = true) String title,
        @Schema(required = true, example = "GB/T 20986-2023") String source,
        String description,
        @Schema(required = true) List<Entry> entries) {

    @Schema(name = "CodeListEntry")
    public record Entry(
            @Schema(required = true, example = "malware/ransomware", description = "Stable English slug used on the wire")
            String code,
            @Schema(required = true, example = "勒索软件", description = "Chinese name") String name,
            @Schema(required = true, example = "ransomware") String label,
            @Schema(description = "Code of the parent entry in a tree") String parent,
            @Schema(description = "Severity order where the list is graded, 1 = most severe") Integer rank) {
    }
}
