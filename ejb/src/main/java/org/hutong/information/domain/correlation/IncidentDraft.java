package org.hutong.information.domain.correlation;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The body (incident schema) of an incident the hub correlated, as its first alert opens it and as
 * later alerts join: related alerts and affected assets accumulate, the category follows the most
 * severe alert, the grade only rises ({@link IncidentGrading}); the status is the incident's own.
 */
public final class IncidentDraft {

    /** What the incident schema lets a body list; every link is also kept in the hub's link table. */
    public static final int MAX_LISTED = 1000;
    /** The producer id under which the hub reports the incidents it correlates and every incident change. */
    public static final String REPORTER = "hutong";
    private static final int MAX_TITLE = 512;
    private static final int MAX_KEY_SHOWN = 200;

    private IncidentDraft() {
    }

    public static JsonObject opened(String ruleName, String key, CorrelatedAlert alert) {
        Set<String> assets = refs(alert, new LinkedHashSet<>());
        String title = alert.name() + " (" + shown(key) + ")";
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("title", title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title)
                .add("category", alert.topCategory())
                .add("grade", IncidentGrading.grade(alert.severity(), alert.maxImportance(), assets.size()))
                .add("status", "new")
                .add("startTime", alert.time().toString())
                .add("detectTime", alert.time().toString())
                .add("affectedAssets", array(assets))
                .add("relatedAlerts", JSON.createArrayBuilder().add(alert.hubId()))
                .add("description", description(ruleName, key, 1))
                .add("reporter", REPORTER);
        if (alert.hasSubCategory()) {
            body.add("subCategory", alert.category());
        }
        return body.build();
    }

    /**
     * @param state the incident's current state (its status, and whatever an operator did, are kept)
     * @param before the group before this alert joined
     */
    public static JsonObject joined(JsonObject state, String ruleName, CorrelationGroup before, CorrelatedAlert alert) {
        CorrelationGroup after = before.joined(alert, alert.time());
        Set<String> assets = refs(alert, strings(state.getJsonArray("affectedAssets")));
        Set<String> alerts = strings(state.getJsonArray("relatedAlerts"));
        if (alerts.size() < MAX_LISTED) {
            alerts.add(alert.hubId());
        }
        String grade = higher(state.getString("grade"),
                IncidentGrading.grade(after.maxSeverity(), after.maxImportance(), assets.size()));
        JsonObjectBuilder body = JSON.createObjectBuilder(state)
                .add("grade", grade)
                .add("affectedAssets", array(assets))
                .add("relatedAlerts", array(alerts))
                .add("description", description(ruleName, before.key(), after.alertCount()));
        Instant start = Instant.parse(state.getString("startTime"));
        if (alert.time().isBefore(start)) {
            body.add("startTime", alert.time().toString());
        }
        if (alert.severity() > before.maxSeverity()) {
            // The most severe alert says what kind of incident this is.
            body.add("category", alert.topCategory());
            if (alert.hasSubCategory()) {
                body.add("subCategory", alert.category());
            } else {
                body.remove("subCategory");
            }
        }
        return body.build();
    }

    private static String description(String ruleName, String key, int alerts) {
        return alerts + (alerts == 1 ? " alert" : " alerts") + " correlated by the rule '" + ruleName + "' with the key '"
                + shown(key) + "'";
    }

    private static String shown(String key) {
        return key.length() <= MAX_KEY_SHOWN ? key : key.substring(0, MAX_KEY_SHOWN) + "...";
    }

    private static String higher(String a, String b) {
        // I is the highest grade: the lexically smaller roman numeral of I..IV is not, so compare by rank.
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(String grade) {
        return switch (grade) {
            case "I" -> 1;
            case "II" -> 2;
            case "III" -> 3;
            default -> 4;
        };
    }

    private static Set<String> refs(CorrelatedAlert alert, Set<String> into) {
        for (CorrelatedAlert.AffectedAsset asset : alert.assets()) {
            if (into.size() >= MAX_LISTED) {
                break;
            }
            into.add(asset.ref());
        }
        return into;
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> values = new LinkedHashSet<>();
        if (array != null) {
            array.getValuesAs(JsonString.class).forEach(value -> values.add(value.getString()));
        }
        return values;
    }

    private static JsonArrayBuilder array(Set<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
