package org.hutong.information.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hutong.shared.domain.Violation;

/**
 * Numbers in information must be ones an IEEE 754 double can hold, as RFC 8785 (canonical JSON)
 * and every JSON consumer that reads numbers as doubles assume. Anything larger or finer would be
 * written out digit by digit by the canonical form: {@code 1e99999999} is 19 bytes in and 100
 * million digits out.
 */
final class NumberRange {

    static final String MESSAGE = "is outside the range of an IEEE 754 double (about 4.9e-324 to 1.8e308 in magnitude)";
    private static final int LARGEST_EXPONENT = 308;
    private static final int SMALLEST_EXPONENT = -324;

    private NumberRange() {
    }

    /** Adds a violation for every number in {@code node} a double cannot hold, at its JSON Pointer. */
    static void check(JsonNode node, String pointer, List<Violation> violations) {
        if (node.isNumber()) {
            if (!representable(node.decimalValue())) {
                violations.add(new Violation(pointer, MESSAGE));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                check(member.getValue(), pointer + "/" + escape(member.getKey()), violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), pointer + "/" + i, violations);
            }
        }
    }

    static boolean representable(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        // The exponent of the leading digit, from the representation alone: nothing is expanded.
        long exponent = (long) value.precision() - value.scale() - 1;
        if (exponent > LARGEST_EXPONENT || exponent < SMALLEST_EXPONENT - 1) {
            return false;
        }
        double approximation = value.doubleValue();
        return Double.isFinite(approximation) && approximation != 0.0;
    }

    private static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }
}
