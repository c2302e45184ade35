package org.hutong.information.domain;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hutong.shared.domain.InformationType;

/**
 * The severity and category of a piece of information, normalised across types so that
 * subscribers can filter with one selector ({@code hutong_severity >= 3}).
 *
 * <p>Severity is 1 (lowest) to 4 (highest): an alert's own severity, a vulnerability's grade
 * (low 1 .. critical 4) or an incident's grade (IV 1 .. I 4). Category is an alert's or
 * incident's GB/T 20986 category (the sub-category when an incident gives one) or a
 * vulnerability's GB/T 30279 class. Other types have neither.
 */
public record Classification(OptionalInt severity, Optional<String> category) {

    private static final Map<String, Integer> VULNERABILITY_GRADES = Map.of("low", 1, "medium", 2, "high", 3, "critical", 4);
    private static final Map<String, Integer> INCIDENT_GRADES = Map.of("IV", 1, "III", 2, "II", 3, "I", 4);

    public static Classification of(InformationType type, JsonObject body) {
        return switch (type) {
            case ALERT -> new Classification(body.get("severity") instanceof JsonNumber n ? OptionalInt.of(n.intValue())
                    : OptionalInt.empty(), text(body, "category"));
            case VULNERABILITY -> new Classification(graded(VULNERABILITY_GRADES, text(body, "grade")), text(body, "class"));
            case INCIDENT -> new Classification(graded(INCIDENT_GRADES, text(body, "grade")),
                    text(body, "subCategory").or(() -> text(body, "category")));
            default -> new Classification(OptionalInt.empty(), Optional.empty());
        };
    }

    private static OptionalInt graded(Map<String, Integer> grades, Optional<String> grade) {
        return grade.map(grades::get).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static Optional<String> text(JsonObject body, String member) {
        return Optional.ofNullable(body.getString(member, null));
    }
}
