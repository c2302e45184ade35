package org.hutong.function.domain.rule;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What information fires a rule: its type, and optionally its producers or their registry categories,
 * a lowest severity (1–4), GB/T 20986 categories (a category matches itself and everything below it:
 * {@code network-attack} takes {@code network-attack/scan}), and predicates on its members.
 */
public record Trigger(String type, Set<String> producers, Set<String> producerCategories, OptionalInt minSeverity,
        List<String> categories, List<Condition> where) {

    public Trigger {
        producers = Set.copyOf(producers);
        producerCategories = Set.copyOf(producerCategories);
        categories = List.copyOf(categories);
        where = List.copyOf(where);
    }

    public boolean matches(Observed information) {
        if (!type.equals(information.type())) {
            return false;
        }
        if (!producers.isEmpty() && !producers.contains(information.producer())) {
            return false;
        }
        if (!producerCategories.isEmpty()
                && information.producerCategory().filter(producerCategories::contains).isEmpty()) {
            return false;
        }
        if (minSeverity.isPresent()
                && (information.severity().isEmpty() || information.severity().getAsInt() < minSeverity.getAsInt())) {
            return false;
        }
        if (!categories.isEmpty() && information.category().filter(this::inCategories).isEmpty()) {
            return false;
        }
        return where.stream().allMatch(condition -> condition.holdsFor(information.view()));
    }

    private boolean inCategories(String category) {
        return categories.stream().anyMatch(wanted -> category.equals(wanted) || category.startsWith(wanted + "/"));
    }
}
