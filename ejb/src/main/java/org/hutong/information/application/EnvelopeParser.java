package org.hutong.information.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.shared.domain.InformationType;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.shared.domain.Violation;

/**
 * Reads an envelope from its JSON text, the same way for every channel: JSON syntax, then the
 * published JSON Schemas (envelope and the body of its type) and the range of numbers, then the
 * semantic checks a schema cannot express. Every violation found is reported at once.
 */
public class EnvelopeParser {

    /** Default limit of one envelope's size in UTF-8 bytes (1 MiB). */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private final InformationValidator validator;
    private final SemanticChecks semantics;
    private final int maxBytes;

    public EnvelopeParser(DescriptionCatalog catalog, int maxBytes) {
        this.validator = new InformationValidator(catalog);
        this.semantics = new SemanticChecks(catalog);
        this.maxBytes = maxBytes;
    }

    /**
     * @throws InvalidInformationException listing every violation, if the text is not a valid envelope
     * @throws InformationTooLargeException if the text is larger than the limit
     */
    public InformationEnvelope parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("", "the message is empty");
        }
        checkSize(text);
        return parseRead(read(text));
    }

    /**
     * Reads a batch: a JSON array whose elements are then parsed one by one with
     * {@link #parse(JsonNode, String)}.
     *
     * @throws InvalidInformationException if the text is not a JSON array
     */
    public List<JsonNode> readBatch(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("", "the message is empty");
        }
        JsonNode batch = read(text);
        if (!batch.isArray()) {
            throw invalid("", "a batch is a JSON array of envelopes");
        }
        List<JsonNode> items = new ArrayList<>(batch.size());
        batch.forEach(items::add);
        return items;
    }

    /**
     * Parses an envelope already read as JSON; {@code text} is its JSON text, for the size limit.
     *
     * @throws InvalidInformationException listing every violation, if it is not a valid envelope
     * @throws InformationTooLargeException if the text is larger than the limit
     */
    public InformationEnvelope parse(JsonNode document, String text) {
        checkSize(text);
        return parseRead(document);
    }

    /** Refuses an envelope over the limit before anything else looks at it. */
    private void checkSize(String text) {
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw new InformationTooLargeException(size, maxBytes);
        }
    }

    private InformationEnvelope parseRead(JsonNode document) {
        if (!document.isObject()) {
            throw invalid("", "an envelope is a JSON object");
        }
        List<Violation> violations = validator.validate(document);
        NumberRange.check(document, "", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInformationException(violations);
        }
        InformationType type = InformationType.fromWireName(document.get("type").textValue()).orElseThrow();
        // The tree the schemas checked becomes the domain's JSON: the text is read once.
        JsonObject body = JsonTrees.toJsonValue(document.get("body")).asJsonObject();
        violations = semantics.check(type, body);
        if (!violations.isEmpty()) {
            throw new InvalidInformationException(violations);
        }
        JsonNode signature = document.get("signature");
        return new InformationEnvelope(document.get("id").textValue(), type, document.get("specVersion").textValue(),
                document.get("producer").textValue(), time(document.get("time").textValue()), body,
                Optional.ofNullable(signature).map(JsonNode::textValue));
    }

    private JsonNode read(String text) {
        try {
            return validator.read(text);
        } catch (JsonProcessingException e) {
            throw invalid("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Times are kept to the microsecond: the finest precision both supported databases store.
     * RFC 3339 also allows a lower-case 't'/'z' and a space between date and time.
     */
    private static Instant time(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339.toUpperCase(Locale.ROOT).replace(' ', 'T')).toInstant()
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw invalid("/time", "is not a date-time the hub can represent: " + e.getMessage());
        }
    }

    private static InvalidInformationException invalid(String pointer, String message) {
        return new InvalidInformationException(List.of(new Violation(pointer, message)));
    }
}
