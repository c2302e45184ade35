package org.hutong.information.application.syslog;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hutong.information.domain.syslog.EventMapping;
import org.hutong.shared.domain.Violation;

/**
 * A product's syslog mapping document, as an administrator writes it:
 * <pre>{"categories": {"tcp-portscan": "network-attack/scan"}, "actions": {"4625": "login"},
 *  "defaultCategory": "other", "keywords": true, "unknownSeverity": 2, "charset": "GB18030"}</pre>
 * Every member is optional; {@code charset} (default UTF-8) is how the product encodes its lines.
 */
public record SyslogMapping(EventMapping events, Charset charset) {

    public static final SyslogMapping DEFAULT = new SyslogMapping(EventMapping.DEFAULT, StandardCharsets.UTF_8);

    private static final Set<String> MEMBERS = Set.of("categories", "actions", "defaultCategory", "keywords",
            "unknownSeverity", "charset");

    /** Thrown with every violation of a document. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static final class InvalidMappingException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient List<Violation> violations;

        public InvalidMappingException(List<Violation> violations) {
            super("the syslog mapping is not valid: " + violations.size() + " violation(s)");
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** A document written by the hub itself (stored before, or built in): its categories were checked then. */
    public static SyslogMapping read(String document) {
        return read(document, category -> true);
    }

    /**
     * An administrator's document, every violation at once.
     *
     * @param knownCategory whether a category is in the code list incident-category
     */
    public static SyslogMapping read(String document, java.util.function.Predicate<String> knownCategory) {
        JsonObject json;
        try {
            json = JSON.createReader(new StringReader(document)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidMappingException(List.of(new Violation("", "not a JSON object")));
        }
        List<Violation> violations = new ArrayList<>();
        json.keySet().stream().filter(member -> !MEMBERS.contains(member)).sorted()
                .forEach(member -> violations.add(new Violation("/" + member, "is not a member of a syslog mapping")));
        Map<String, String> categories = table(json, "categories", violations);
        Map<String, String> actions = table(json, "actions", violations);
        actions.forEach((key, action) -> {
            if (!EventMapping.ACTIONS.contains(action)) {
                violations.add(new Violation("/actions/" + pointerEscape(key), "'" + action
                        + "' is not a behaviour action; one of " + EventMapping.ACTIONS.stream().sorted().toList()));
            }
        });
        categories.forEach((key, category) -> {
            if (!knownCategory.test(category)) {
                violations.add(new Violation("/categories/" + pointerEscape(key), "'" + category
                        + "' is not in the code list incident-category"));
            }
        });
        Optional<String> defaultCategory = string(json, "defaultCategory", violations);
        defaultCategory.filter(category -> !knownCategory.test(category)).ifPresent(category -> violations.add(
                new Violation("/defaultCategory", "'" + category + "' is not in the code list incident-category")));
        boolean keywords = true;
        if (json.containsKey("keywords")) {
            JsonValue value = json.get("keywords");
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                keywords = value == JsonValue.TRUE;
            } else {
                violations.add(new Violation("/keywords", "must be true or false"));
            }
        }
        int unknownSeverity = 2;
        if (json.containsKey("unknownSeverity")) {
            JsonValue value = json.get("unknownSeverity");
            if (value.getValueType() == JsonValue.ValueType.NUMBER && json.getJsonNumber("unknownSeverity").isIntegral()
                    && json.getInt("unknownSeverity") >= 1 && json.getInt("unknownSeverity") <= 4) {
                unknownSeverity = json.getInt("unknownSeverity");
            } else {
                violations.add(new Violation("/unknownSeverity", "must be an alert severity, 1 to 4"));
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        Optional<String> charsetName = string(json, "charset", violations);
        if (charsetName.isPresent()) {
            try {
                charset = Charset.forName(charsetName.get());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                violations.add(new Violation("/charset", "'" + charsetName.get() + "' is not a charset this server knows"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidMappingException(violations);
        }
        return new SyslogMapping(new EventMapping(categories, actions, defaultCategory, keywords, unknownSeverity),
                charset);
    }

    /** The document again, with every member written out. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        JsonObjectBuilder categories = JSON.createObjectBuilder();
        new java.util.TreeMap<>(events.categories()).forEach(categories::add);
        JsonObjectBuilder actions = JSON.createObjectBuilder();
        new java.util.TreeMap<>(events.actions()).forEach(actions::add);
        json.add("categories", categories).add("actions", actions);
        events.defaultCategory().ifPresent(category -> json.add("defaultCategory", category));
        return json.add("keywords", events.keywords()).add("unknownSeverity", events.unknownSeverity())
                .add("charset", charset.name()).build();
    }

    private static Map<String, String> table(JsonObject json, String member, List<Violation> violations) {
        Map<String, String> table = new LinkedHashMap<>();
        if (!json.containsKey(member)) {
            return table;
        }
        if (json.get(member).getValueType() != JsonValue.ValueType.OBJECT) {
            violations.add(new Violation("/" + member, "must be an object of event key → value"));
            return table;
        }
        json.getJsonObject(member).forEach((key, value) -> {
            if (value instanceof JsonString text && !text.getString().isBlank()) {
                table.put(key, text.getString());
            } else {
                violations.add(new Violation("/" + member + "/" + pointerEscape(key), "must be a non-empty string"));
            }
        });
        return table;
    }

    private static Optional<String> string(JsonObject json, String member, List<Violation> violations) {
        if (!json.containsKey(member)) {
            return Optional.empty();
        }
        if (json.get(member) instanceof JsonString text && !text.getString().isBlank()) {
            return Optional.of(text.getString());
        }
        violations.add(new Violation("/" + member, "must be a non-empty string"));
        return Optional.empty();
    }

    private static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
