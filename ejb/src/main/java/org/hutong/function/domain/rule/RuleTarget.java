package org.hutong.function.domain.rule;

import java.util.Optional;

/**
 * Where a rule's invocation goes: one product ({@code fw-01}), every active provider of the function
 * ({@code all}), or the providers registered in one product category ({@code category:firewall}).
 */
public record RuleTarget(Kind kind, String name) {

    public enum Kind { PRODUCT, ALL, CATEGORY }

    public static final String ALL = "all";
    public static final String CATEGORY_PREFIX = "category:";

    public static Optional<RuleTarget> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (ALL.equals(text)) {
            return Optional.of(new RuleTarget(Kind.ALL, ALL));
        }
        if (text.startsWith(CATEGORY_PREFIX)) {
            String category = text.substring(CATEGORY_PREFIX.length());
            return category.isBlank() ? Optional.empty() : Optional.of(new RuleTarget(Kind.CATEGORY, category));
        }
        return Optional.of(new RuleTarget(Kind.PRODUCT, text));
    }

    /** As written in the rule and shown as the invocation's target. */
    public String text() {
        return switch (kind) {
            case PRODUCT -> name;
            case ALL -> ALL;
            case CATEGORY -> CATEGORY_PREFIX + name;
        };
    }
}
