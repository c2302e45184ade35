package org.hutong.function.domain.playbook;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition of an if-condition step, in the subset of the STIX patterning comparison the hub
 * supports: one comparison of a variable with a literal, {@code __name__:value OP literal}, where OP is
 * {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >} or {@code >=} and the literal a single-quoted
 * string, a number, {@code true} or {@code false}. Unquoted numbers compare as numbers, everything else as text;
 * an unknown variable makes the condition false.
 */
public record StepCondition(String variable, String operator, String literal, boolean quoted) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(__[a-zA-Z_][a-zA-Z0-9_-]{0,199}__):value\\s*(!=|<=|>=|=|<|>)\\s*('(?:[^'\\\\]|\\\\.)*'|-?[0-9]+(?:\\.[0-9]+)?|true|false)\\s*");

    /** @return the condition, or empty when {@code text} is outside the supported subset */
    public static Optional<StepCondition> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String literal = matcher.group(3);
        boolean quoted = literal.startsWith("'");
        if (quoted) {
            literal = literal.substring(1, literal.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return Optional.of(new StepCondition(matcher.group(1), matcher.group(2), literal, quoted));
    }

    public boolean holds(Map<String, String> values) {
        String value = values.get(variable);
        if (value == null) {
            return false;
        }
        int comparison;
        // A quoted literal is text ('007' is not 7); an unquoted number compares as a number.
        Optional<BigDecimal> left = quoted ? Optional.empty() : number(value);
        Optional<BigDecimal> right = quoted ? Optional.empty() : number(literal);
        if (left.isPresent() && right.isPresent()) {
            comparison = left.get().compareTo(right.get());
        } else {
            comparison = value.compareTo(literal);
        }
        return switch (operator) {
            case "=" -> comparison == 0;
            case "!=" -> comparison != 0;
            case "<" -> comparison < 0;
            case "<=" -> comparison <= 0;
            case ">" -> comparison > 0;
            default -> comparison >= 0;
        };
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
