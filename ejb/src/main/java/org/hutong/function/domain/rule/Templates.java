package org.hutong.function.domain.rule;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values a rule takes from the information that fired it. In a rule's arguments (and its
 * de-duplication key) {@code ${/json/pointer}} stands for the member of the information's view at that
 * pointer: a string that is exactly one placeholder becomes that value with its JSON type (a number
 * stays a number, an object an object); placeholders inside longer text are replaced by the value's
 * text. A placeholder whose member is absent leaves nothing to act on: {@link MissingValueException}.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Templates() {
    }

    /** Thrown when the information lacks a member a template needs. */
    public static final class MissingValueException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public MissingValueException(String pointer) {
            super("the information has no " + pointer);
        }
    }

    /** The pointers of every placeholder in {@code template}, in order. */
    public static List<String> pointersIn(JsonValue template) {
        List<String> pointers = new ArrayList<>();
        collect(template, pointers);
        return pointers;
    }

    private static void collect(JsonValue template, List<String> pointers) {
        switch (template.getValueType()) {
            case STRING -> {
                Matcher matcher = PLACEHOLDER.matcher(((JsonString) template).getString());
                while (matcher.find()) {
                    pointers.add(matcher.group(1));
                }
            }
            case OBJECT -> ((JsonObject) template).values().forEach(value -> collect(value, pointers));
            case ARRAY -> ((JsonArray) template).forEach(value -> collect(value, pointers));
            default -> {
                // numbers, booleans and null are taken as written
            }
        }
    }

    public static JsonValue fill(JsonValue template, JsonObject facts) {
        return switch (template.getValueType()) {
            case STRING -> fillString(((JsonString) template).getString(), facts);
            case OBJECT -> {
                JsonObjectBuilder filled = JSON.createObjectBuilder();
                ((JsonObject) template).forEach((name, value) -> filled.add(name, fill(value, facts)));
                yield filled.build();
            }
            case ARRAY -> {
                JsonArrayBuilder filled = JSON.createArrayBuilder();
                ((JsonArray) template).forEach(value -> filled.add(fill(value, facts)));
                yield filled.build();
            }
            default -> template;
        };
    }

    /** The text a template gives: a de-duplication key. */
    public static String text(String template, JsonObject facts) {
        JsonValue value = fillString(template, facts);
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static JsonValue fillString(String text, JsonObject facts) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        if (matcher.matches()) {
            return value(matcher.group(1), facts);
        }
        StringBuilder filled = new StringBuilder();
        matcher.reset();
        while (matcher.find()) {
            JsonValue value = value(matcher.group(1), facts);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(
                    value instanceof JsonString string ? string.getString() : value.toString()));
        }
        matcher.appendTail(filled);
        return JSON.createValue(filled.toString());
    }

    private static JsonValue value(String pointer, JsonObject facts) {
        return Pointers.find(facts, pointer).filter(value -> value != JsonValue.NULL)
                .orElseThrow(() -> new MissingValueException(pointer));
    }
}
