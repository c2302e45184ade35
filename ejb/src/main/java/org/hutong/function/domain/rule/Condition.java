package org.hutong.function.domain.rule;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One predicate on a member of the information, named by a JSON Pointer into its view ({@code /body/source/ip},
 * {@code /producer}): present or absent, equal to a value, one of several, or a string matching a pattern.
 */
public record Condition(String pointer, Kind kind, JsonValue operand, Pattern pattern) {

    public enum Kind { EXISTS, EQUALS, IN, MATCHES }

    public static Condition exists(String pointer, boolean present) {
        return new Condition(pointer, Kind.EXISTS, present ? JsonValue.TRUE : JsonValue.FALSE, null);
    }

    public static Condition equalTo(String pointer, JsonValue value) {
        return new Condition(pointer, Kind.EQUALS, value, null);
    }

    public static Condition oneOf(String pointer, JsonArray values) {
        return new Condition(pointer, Kind.IN, values, null);
    }

    public static Condition matching(String pointer, String regex) {
        return new Condition(pointer, Kind.MATCHES, null, Pattern.compile(regex));
    }

    public boolean holdsFor(JsonObject facts) {
        Optional<JsonValue> value = Pointers.find(facts, pointer);
        return switch (kind) {
            case EXISTS -> value.isPresent() == (operand == JsonValue.TRUE);
            case EQUALS -> value.filter(operand::equals).isPresent();
            case IN -> value.filter(((JsonArray) operand)::contains).isPresent();
            case MATCHES -> value.filter(JsonString.class::isInstance)
                    .filter(text -> pattern.matcher(((JsonString) text).getString()).find()).isPresent();
        };
    }
}
