package org.hutong.information.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationType;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.Violation;

/**
 * Reads an envelope from its JSON text, the same way for every channel: JSON syntax, then the
 * published JSON Schemas (envelope and the body of its type), then the semantic checks a schema
 * cannot express. Every violation found is reported at once.
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
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw new InformationTooLargeException(size, maxBytes);
        }
        JsonNode document;
        try {
            document = validator.read(text);
        } catch (JsonProcessingException e) {
            throw invalid("", "not valid JSON: " + e.getOriginalMessage());
        }
        if (!document.isObject()) {
            throw invalid("", "an envelope is a JSON object");
        }
        List<Violation> violations = validator.validate(document);
        if (!violations.isEmpty()) {
            throw new InvalidInformationException(violations);
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        InformationType type = InformationType.fromWireName(json.getString("type")).orElseThrow();
        JsonObject body = json.getJsonObject("body");
        violations = semantics.check(type, body);
        if (!violations.isEmpty()) {
            throw new InvalidInformationException(violations);
        }
        return new InformationEnvelope(json.getString("id"), type, json.getString("specVersion"),
                json.getString("producer"), time(json.getString("time")), body,
                Optional.ofNullable(json.getString("signature", null)));
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
