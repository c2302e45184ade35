package org.hutong.function.domain;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One function of the catalog.
 *
 * @param id {@code <type>.<name>}, e.g. {@code protect.block-ip}
 * @param type its function type
 * @param title a short human name
 * @param description what a product that provides it does
 * @param consumes the information types it acts on
 * @param produces the information types its results carry
 * @param arguments JSON Schema (2020-12) of its arguments
 */
public record FunctionDefinition(String id, FunctionType type, String title, String description, List<String> consumes,
        List<String> produces, JsonObject arguments) {

    public FunctionDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (!id.startsWith(type.wireName() + ".")) {
            throw new IllegalArgumentException("function " + id + " must start with its type " + type.wireName());
        }
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
    }
}
