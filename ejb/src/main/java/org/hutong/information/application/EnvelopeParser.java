package org.hutong.information.application;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationType;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.Violation;

/**
 * Reads an envelope from its JSON text, the same way for every channel, and reports every
 * violation it finds at once rather than stopping at the first.
 */
public class EnvelopeParser {

    static final Set<String> MEMBERS = Set.of("id", "type", "specVersion", "producer", "time", "body", "signature");

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern SPEC_VERSION = Pattern.compile("^1\\.\\d{1,3}$");
    // Product ids become part of queue names (hutong.function.<productId>): keep them plain.
    private static final Pattern PRODUCER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final String TYPES = Arrays.stream(InformationType.values())
            .map(InformationType::wireName).collect(Collectors.joining(", "));

    /**
     * @throws InvalidInformationException listing every violation, if the text is not a valid envelope
     */
    public InformationEnvelope parse(String text) {
        JsonObject json = readObject(text);
        List<Violation> violations = new ArrayList<>();
        json.keySet().stream()
                .filter(name -> !MEMBERS.contains(name))
                .sorted()
                .forEach(name -> violations.add(new Violation(pointer(name), "unknown member; an envelope has "
                        + String.join(", ", MEMBERS.stream().sorted().toList()))));

        Optional<String> id = string(json, "id", violations)
                .filter(value -> check(UUID.matcher(value).matches(), "id", "must be a UUID", violations));
        Optional<InformationType> type = string(json, "type", violations)
                .flatMap(value -> convert(value, InformationType::fromWireName, "type",
                        "must be one of " + TYPES, violations));
        Optional<String> specVersion = string(json, "specVersion", violations)
                .filter(value -> check(SPEC_VERSION.matcher(value).matches(), "specVersion",
                        "must be a supported version of the information description (1.x)", violations));
        Optional<String> producer = string(json, "producer", violations)
                .filter(value -> check(PRODUCER.matcher(value).matches(), "producer",
                        "must be a product id: 1 to 128 letters, digits, '.', '_' or '-'", violations));
        Optional<Instant> time = string(json, "time", violations)
                .flatMap(value -> convert(value, EnvelopeParser::rfc3339, "time",
                        "must be an RFC 3339 date-time with an offset, e.g. 2026-11-29T08:00:00Z", violations));
        Optional<JsonObject> body = member(json, "body", JsonValue.ValueType.OBJECT, "an object", true, violations)
                .map(JsonValue::asJsonObject);
        Optional<String> signature = member(json, "signature", JsonValue.ValueType.STRING, "a string", false, violations)
                .map(value -> ((JsonString) value).getString());

        if (!violations.isEmpty()) {
            throw new InvalidInformationException(violations);
        }
        return new InformationEnvelope(id.orElseThrow(), type.orElseThrow(), specVersion.orElseThrow(),
                producer.orElseThrow(), time.orElseThrow(), body.orElseThrow(), signature);
    }

    private static JsonObject readObject(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInformationException(List.of(new Violation("", "the message is empty")));
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInformationException(List.of(new Violation("", "an envelope is a JSON object")));
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInformationException(List.of(new Violation("", "not valid JSON: " + e.getMessage())));
        }
    }

    private static Optional<String> string(JsonObject json, String name, List<Violation> violations) {
        return member(json, name, JsonValue.ValueType.STRING, "a string", true, violations)
                .map(value -> ((JsonString) value).getString());
    }

    private static Optional<JsonValue> member(JsonObject json, String name, JsonValue.ValueType expected,
            String expectedText, boolean required, List<Violation> violations) {
        JsonValue value = json.get(name);
        if (value == null) {
            if (required) {
                violations.add(new Violation(pointer(name), "is required"));
            }
            return Optional.empty();
        }
        if (value.getValueType() != expected) {
            violations.add(new Violation(pointer(name), "must be " + expectedText));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static boolean check(boolean valid, String name, String message, List<Violation> violations) {
        if (!valid) {
            violations.add(new Violation(pointer(name), message));
        }
        return valid;
    }

    private static <T> Optional<T> convert(String value, Function<String, Optional<T>> converter, String name,
            String message, List<Violation> violations) {
        Optional<T> converted = converter.apply(value);
        if (converted.isEmpty()) {
            violations.add(new Violation(pointer(name), message));
        }
        return converted;
    }

    /** Times are kept to the microsecond: the finest precision both supported databases store. */
    private static Optional<Instant> rfc3339(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** JSON Pointer (RFC 6901) to a top-level member. */
    static String pointer(String member) {
        return "/" + member.replace("~", "~0").replace("/", "~1");
    }
}
