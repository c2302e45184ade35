package org.hutong.function.domain.playbook;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces CACAO variable references ({@code __name__:value}) in command text and arguments. */
public final class VariableValues {

    private static final Pattern REFERENCE = Pattern.compile("(__[a-zA-Z_][a-zA-Z0-9_-]{0,199}__):value");

    private VariableValues() {
    }

    /** Thrown when a reference names a variable without a value: the step cannot run as written. */
    public static final class UnknownValueException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnknownValueException(String variable) {
            super("the variable " + variable + " has no value");
        }
    }

    /** The variables {@code value} refers to, in order. */
    public static Set<String> referencedIn(JsonValue value) {
        Set<String> names = new LinkedHashSet<>();
        collect(value, names);
        return names;
    }

    private static void collect(JsonValue value, Set<String> names) {
        switch (value.getValueType()) {
            case STRING -> {
                Matcher matcher = REFERENCE.matcher(((JsonString) value).getString());
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
            case OBJECT -> value.asJsonObject().values().forEach(member -> collect(member, names));
            case ARRAY -> value.asJsonArray().forEach(item -> collect(item, names));
            default -> {
                // numbers, booleans and null refer to nothing
            }
        }
    }

    public static String substitute(String text, Map<String, String> values) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new UnknownValueException(matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A copy of {@code value} with every string's references replaced. */
    public static JsonValue substitute(JsonValue value, Map<String, String> values) {
        return switch (value.getValueType()) {
            case STRING -> JSON.createValue(substitute(((JsonString) value).getString(), values));
            case OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                ((JsonObject) value).forEach((name, member) -> object.add(name, substitute(member, values)));
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                ((JsonArray) value).forEach(item -> array.add(substitute(item, values)));
                yield array.build();
            }
            default -> value;
        };
    }
}
