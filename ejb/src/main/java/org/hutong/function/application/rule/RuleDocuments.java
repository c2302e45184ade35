package org.hutong.function.application.rule;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hutong.function.domain.rule.Condition;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.function.domain.rule.Pointers;
import org.hutong.function.domain.rule.RuleTarget;
import org.hutong.function.domain.rule.Templates;
import org.hutong.function.domain.rule.Trigger;
import org.hutong.shared.application.DocumentSchema;
import org.hutong.shared.domain.Violation;

/**
 * Reads rule documents: the JSON Schema {@code schemas/linkage-rule.schema.json} first, then what a
 * schema cannot say (the function is in the catalog, pointers and patterns are well formed, durations in
 * range, categories in the code list), every violation at once.
 */
public final class RuleDocuments {

    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    static final Duration MAX_WINDOW = Duration.ofDays(30);
    static final Duration MAX_COUNT_WINDOW = Duration.ofDays(1);
    static final Duration MIN_APPROVAL = Duration.ofSeconds(5);
    static final Duration MAX_APPROVAL = Duration.ofDays(7);
    private static final String SCHEMA = "https://hutong.org/schemas/1.0/linkage-rule.schema.json";

    private final DocumentSchema schema = new DocumentSchema(SCHEMA, "schemas/linkage-rule.schema.json",
            "a linkage rule");
    private final Predicate<String> knownFunction;
    private final Predicate<String> knownCategory;

    /**
     * @param knownFunction whether a function id is in the catalog
     * @param knownCategory whether a category is in the code list incident-category
     */
    public RuleDocuments(Predicate<String> knownFunction, Predicate<String> knownCategory) {
        this.knownFunction = knownFunction;
        this.knownCategory = knownCategory;
    }

    /** The document as JSON, checked; {@code enabledSince} is when the stored version took effect. */
    public LinkageRule read(String id, int version, String document, Instant enabledSince) {
        JsonObject json = parse(document);
        List<Violation> violations = new ArrayList<>();
        if (!RuleIds.valid(id)) {
            violations.add(new Violation("", "'" + id + "' is not a rule id: " + RuleIds.RULE));
        }
        violations.addAll(schema.violations(document));
        if (!violations.isEmpty()) {
            throw new InvalidRuleException(violations);
        }
        JsonObject trigger = json.getJsonObject("trigger");
        JsonObject action = json.getJsonObject("action");
        List<Condition> where = conditions(trigger.getJsonArray("where"), violations);
        List<String> categories = strings(trigger.getJsonArray("categories"));
        for (int i = 0; i < categories.size(); i++) {
            if (!knownCategory.test(categories.get(i))) {
                violations.add(new Violation("/trigger/categories/" + i, "'" + categories.get(i)
                        + "' is not in the code list incident-category"));
            }
        }
        Optional<LinkageRule.Correlation> correlation = correlation(action, trigger, json, violations);
        Optional<LinkageRule.PlaybookStart> playbook = playbook(action, json, violations);
        String function = null;
        Optional<RuleTarget> target = Optional.empty();
        JsonObject arguments = null;
        Duration timeout = null;
        if (correlation.isPresent() && playbook.isPresent()) {
            violations.add(new Violation("/action/playbook", "an action either starts a playbook or correlates"));
        } else if (correlation.isEmpty() && playbook.isEmpty()) {
            function = action.getString("function", null);
            if (function == null || !action.containsKey("target")) {
                violations.add(new Violation("/action", "an action either invokes a function (function and target)"
                        + " or correlates (correlate)"));
            } else {
                if (!knownFunction.test(function)) {
                    violations.add(new Violation("/action/function", "'" + function + "' is not in the function catalog"));
                }
                target = RuleTarget.parse(action.getString("target"));
                if (target.isEmpty()) {
                    violations.add(new Violation("/action/target", "a product id, all, or category:<product category>"));
                }
            }
            arguments = action.getJsonObject("arguments") == null ? JsonValue.EMPTY_JSON_OBJECT
                    : action.getJsonObject("arguments");
            placeholders(arguments, "/action/arguments", violations);
            timeout = duration(action.getString("timeout", "PT5M"), "/action/timeout", MIN_TIMEOUT, MAX_TIMEOUT,
                    violations);
        }
        Optional<LinkageRule.Dedupe> dedupe = Optional.empty();
        if (json.containsKey("dedupe")) {
            JsonObject spec = json.getJsonObject("dedupe");
            placeholders(spec.get("key"), "/dedupe/key", violations);
            Duration window = duration(spec.getString("window"), "/dedupe/window", MIN_TIMEOUT, MAX_WINDOW, violations);
            dedupe = Optional.of(new LinkageRule.Dedupe(spec.getString("key"), window));
        }
        Optional<LinkageRule.Count> count = Optional.empty();
        if (trigger.containsKey("count")) {
            JsonObject spec = trigger.getJsonObject("count");
            Optional<String> by = Optional.ofNullable(spec.getString("by", null));
            by.ifPresent(template -> placeholders(spec.get("by"), "/trigger/count/by", violations));
            Duration within = duration(spec.getString("within"), "/trigger/count/within", MIN_TIMEOUT, MAX_COUNT_WINDOW,
                    violations);
            count = Optional.of(new LinkageRule.Count(spec.getInt("atLeast"), within, by));
        }
        Optional<Duration> approval = Optional.empty();
        if (json.containsKey("approval")) {
            approval = Optional.of(duration(json.getJsonObject("approval").getString("expiresAfter"),
                    "/approval/expiresAfter", MIN_APPROVAL, MAX_APPROVAL, violations));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRuleException(violations);
        }
        OptionalInt minSeverity = trigger.containsKey("minSeverity")
                ? OptionalInt.of(trigger.getInt("minSeverity")) : OptionalInt.empty();
        return new LinkageRule(id, version, json.getString("name"), json.getBoolean("enabled", true), enabledSince,
                new Trigger(trigger.getString("type"), new HashSet<>(strings(trigger.getJsonArray("producers"))),
                        new HashSet<>(strings(trigger.getJsonArray("producerCategories"))), minSeverity, categories,
                        where),
                function, target.orElse(null), arguments, timeout, dedupe, json.getInt("maxFiringsPerMinute", 60),
                json.getBoolean("actOnProducer", false), count, approval, correlation, playbook);
    }

    /**
     * A correlating action: alone in the action, on alerts, and without what only an invocation has
     * (de-duplication, approval, counting: every matching alert joins its incident).
     */
    private static Optional<LinkageRule.Correlation> correlation(JsonObject action, JsonObject trigger, JsonObject rule,
            List<Violation> violations) {
        if (!action.containsKey("correlate")) {
            return Optional.empty();
        }
        for (String member : List.of("function", "target", "arguments", "timeout")) {
            if (action.containsKey(member)) {
                violations.add(new Violation("/action/" + member, "a correlating action invokes nothing"));
            }
        }
        if (!"alert".equals(trigger.getString("type"))) {
            violations.add(new Violation("/trigger/type", "only alerts are correlated into incidents"));
        }
        for (String member : List.of("dedupe", "approval")) {
            if (rule.containsKey(member)) {
                violations.add(new Violation("/" + member, "not for a correlating rule: every matching alert joins its"
                        + " incident"));
            }
        }
        if (trigger.containsKey("count")) {
            violations.add(new Violation("/trigger/count", "not for a correlating rule: every matching alert joins its"
                    + " incident"));
        }
        for (String member : List.of("maxFiringsPerMinute", "actOnProducer")) {
            if (rule.containsKey(member)) {
                violations.add(new Violation("/" + member, "not for a correlating rule: it acts on no product"));
            }
        }
        JsonObject spec = action.getJsonObject("correlate");
        placeholders(spec.get("by"), "/action/correlate/by", violations);
        Duration within = duration(spec.getString("within"), "/action/correlate/within", MIN_TIMEOUT, MAX_COUNT_WINDOW,
                violations);
        return Optional.of(new LinkageRule.Correlation(spec.getString("by"), within));
    }

    /** A playbook action: alone in the action, variables named as CACAO names them, no approval (a playbook asks for its own). */
    private static Optional<LinkageRule.PlaybookStart> playbook(JsonObject action, JsonObject rule,
            List<Violation> violations) {
        if (!action.containsKey("playbook")) {
            if (action.containsKey("variables")) {
                violations.add(new Violation("/action/variables", "variables are for a playbook action"));
            }
            return Optional.empty();
        }
        for (String member : List.of("function", "target", "arguments", "timeout")) {
            if (action.containsKey(member)) {
                violations.add(new Violation("/action/" + member, "a playbook action invokes through its playbook"));
            }
        }
        if (rule.containsKey("approval")) {
            violations.add(new Violation("/approval", "a playbook asks for approval in a manual step of its own"));
        }
        if (rule.containsKey("actOnProducer")) {
            violations.add(new Violation("/actOnProducer", "a playbook's steps name the products it acts on"));
        }
        JsonObject variables = action.containsKey("variables") ? action.getJsonObject("variables")
                : JsonValue.EMPTY_JSON_OBJECT;
        for (String name : variables.keySet()) {
            if (!name.matches("__[a-zA-Z_][a-zA-Z0-9_-]{0,199}__")) {
                violations.add(new Violation("/action/variables/" + name, "a playbook variable is named __name__"));
            }
        }
        placeholders(variables, "/action/variables", violations);
        return Optional.of(new LinkageRule.PlaybookStart(action.getString("playbook"), variables));
    }

    private static JsonObject parse(String document) {
        try (var reader = JSON.createReader(new StringReader(document == null ? "" : document))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRuleException(List.of(new Violation("", "a rule is a JSON object")));
        }
    }

    private static List<Condition> conditions(JsonArray where, List<Violation> violations) {
        List<Condition> conditions = new ArrayList<>();
        if (where == null) {
            return conditions;
        }
        for (int i = 0; i < where.size(); i++) {
            JsonObject condition = where.getJsonObject(i);
            String pointer = condition.getString("pointer");
            String at = "/trigger/where/" + i;
            if (!Pointers.valid(pointer)) {
                violations.add(new Violation(at + "/pointer", "'" + pointer + "' is not a JSON Pointer (RFC 6901)"));
                continue;
            }
            if (condition.containsKey("exists")) {
                conditions.add(Condition.exists(pointer, condition.getBoolean("exists")));
            } else if (condition.containsKey("equals")) {
                conditions.add(Condition.equalTo(pointer, condition.get("equals")));
            } else if (condition.containsKey("in")) {
                conditions.add(Condition.oneOf(pointer, condition.getJsonArray("in")));
            } else {
                try {
                    conditions.add(Condition.matching(pointer, condition.getString("matches")));
                } catch (PatternSyntaxException e) {
                    violations.add(new Violation(at + "/matches", "not a regular expression: " + e.getDescription()));
                }
            }
        }
        return conditions;
    }

    private static void placeholders(JsonValue template, String at, List<Violation> violations) {
        for (String pointer : Templates.pointersIn(template)) {
            if (!Pointers.valid(pointer)) {
                violations.add(new Violation(at, "'${" + pointer + "}' does not hold a JSON Pointer (RFC 6901)"));
            }
        }
    }

    private static Duration duration(String text, String at, Duration min, Duration max, List<Violation> violations) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(at, "must be an ISO 8601 duration from " + min + " to " + max));
        return min;
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** Rule ids: what a URL path segment and a log line can carry. */
    static final class RuleIds {

        static final String RULE = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        private RuleIds() {
        }

        static boolean valid(String id) {
            return id != null && ID.matcher(id).matches();
        }
    }
}
