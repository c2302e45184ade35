package org.hutong.information.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Turns the Jackson tree the schema validator reads into the Jakarta JSON the domain uses. */
final class JsonTrees {

    private JsonTrees() {
    }

    static JsonValue toJsonValue(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                node.fields().forEachRemaining(member -> object.add(member.getKey(), toJsonValue(member.getValue())));
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                node.forEach(element -> array.add(toJsonValue(element)));
                yield array.build();
            }
            case STRING -> JSON.createValue(node.textValue());
            case NUMBER -> node.isIntegralNumber() ? JSON.createValue(node.bigIntegerValue())
                    : JSON.createValue(node.decimalValue());
            case BOOLEAN -> node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NULL -> JsonValue.NULL;
            default -> throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        };
    }
}
