package org.hutong.function.domain.rule;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Stored information as a rule sees it: its view (the JSON subscribers receive, which pointers read),
 * the severity and category the hub classified it with, and the registry category of its producer.
 */
public record Observed(String hubId, String type, String producer, OptionalInt severity, Optional<String> category,
        Optional<String> producerCategory, Instant receivedAt, JsonObject view) {
}
