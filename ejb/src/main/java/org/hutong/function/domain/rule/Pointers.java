package org.hutong.function.domain.rule;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/** RFC 6901 JSON Pointers into the information a rule looks at; an absent member is empty, not an error. */
public final class Pointers {

    private static final Pattern SYNTAX = Pattern.compile("(/([^~/]|~[01])*)*");

    private Pointers() {
    }

    /** Whether {@code pointer} is a JSON Pointer at all ("" or "/..." with ~0 and ~1 escapes only). */
    public static boolean valid(String pointer) {
        // The provider takes "~2" as text; RFC 6901 allows only ~0 and ~1.
        return pointer != null && SYNTAX.matcher(pointer).matches();
    }

    public static Optional<JsonValue> find(JsonStructure document, String pointer) {
        try {
            var at = JSON.createPointer(pointer);
            return at.containsValue(document) ? Optional.of(at.getValue(document)) : Optional.empty();
        } catch (JsonException e) {
            // A step through a value that is not an object or array: nothing is there.
            return Optional.empty();
        }
    }
}
