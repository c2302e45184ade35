package org.hutong.function.application.rule;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A rule as the API shows it: its current version's document and whether it is enabled. */
public record RuleView(String id, int version, String name, boolean enabled, Instant updatedAt, String updatedBy,
        JsonObject document) {
}
