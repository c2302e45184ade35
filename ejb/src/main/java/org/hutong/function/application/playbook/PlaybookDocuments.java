package org.hutong.function.application.playbook;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hutong.function.domain.playbook.Command;
import org.hutong.function.domain.playbook.Playbook;
import org.hutong.function.domain.playbook.Step;
import org.hutong.function.domain.playbook.StepCondition;
import org.hutong.function.domain.playbook.StepType;
import org.hutong.function.domain.playbook.Variable;
import org.hutong.function.domain.playbook.VariableValues;
import org.hutong.function.domain.rule.RuleTarget;
import org.hutong.shared.application.DocumentSchema;
import org.hutong.shared.domain.Violation;

/**
 * Reads CACAO 2.0 playbooks: the subset schema first ({@code schemas/cacao-2.0-playbook.schema.json}:
 * any member outside the subset is refused), then what a schema cannot say — step ids name their
 * type, every reference resolves, the workflow is a tree reachable from its start, each step has only
 * the members of its type, functions are in the catalog, conditions and variables are well formed.
 */
public final class PlaybookDocuments {

    private static final String SCHEMA = "https://hutong.org/schemas/1.0/cacao-2.0-playbook.schema.json";
    private static final String SUBSET = "start, end, action, parallel and if-condition";
    /** What an invocation may take at most (InvocationService's limit); a manual step may wait longer. */
    private static final Duration MAX_INVOCATION_TIMEOUT = Duration.ofHours(24);

    private final DocumentSchema schema = new DocumentSchema(SCHEMA, "schemas/cacao-2.0-playbook.schema.json",
            "a CACAO 2.0 playbook (the subset the hub runs)");
    private final Predicate<String> knownFunction;

    public PlaybookDocuments(Predicate<String> knownFunction) {
        this.knownFunction = knownFunction;
    }

    /** @param id the id the playbook is stored under: the document's own {@code id} */
    public Playbook read(String id, int version, String document) {
        List<Violation> violations = new ArrayList<>(schema.violations(document));
        if (!violations.isEmpty()) {
            throw new InvalidPlaybookException(violations);
        }
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(document))) {
            json = reader.readObject();
        } catch (JsonException e) {
            throw new InvalidPlaybookException(List.of(new Violation("", "a playbook is a JSON object")));
        }
        if (!json.getString("id").equals(id)) {
            violations.add(new Violation("/id", "is not " + id + ", the playbook's id in the request"));
        }
        Map<String, Variable> variables = variables(json.getJsonObject("playbook_variables"));
        Map<String, Step> workflow = new LinkedHashMap<>();
        json.getJsonObject("workflow").forEach((stepId, step) -> step(stepId, step.asJsonObject(), variables, violations)
                .ifPresent(read -> workflow.put(stepId, read)));
        String start = json.getString("workflow_start");
        if (!workflow.containsKey(start) || workflow.get(start).type() != StepType.START) {
            violations.add(new Violation("/workflow_start", "'" + start + "' is not a start step of the workflow"));
        }
        if (violations.isEmpty()) {
            shape(start, workflow, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidPlaybookException(violations);
        }
        return new Playbook(id, version, json.getString("name"), start, workflow, variables);
    }

    private static Map<String, Variable> variables(JsonObject declared) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        if (declared != null) {
            declared.forEach((name, value) -> {
                JsonObject variable = value.asJsonObject();
                Optional<String> initial = variable.get("value") instanceof JsonString text
                        ? Optional.of(text.getString()) : Optional.empty();
                variables.put(name, new Variable(variable.getString("type"), initial,
                        variable.getBoolean("constant", false), variable.getBoolean("external", false)));
            });
        }
        return variables;
    }

    private Optional<Step> step(String stepId, JsonObject step, Map<String, Variable> variables,
            List<Violation> violations) {
        String at = "/workflow/" + stepId;
        String declared = step.getString("type");
        Optional<StepType> type = StepType.fromWireName(declared);
        if (type.isEmpty()) {
            violations.add(new Violation(at + "/type", "'" + declared + "' steps are outside the CACAO 2.0 subset the hub"
                    + " runs (" + SUBSET + ")"));
            return Optional.empty();
        }
        if (!stepId.startsWith(declared + "--")) {
            violations.add(new Violation(at, "a " + declared + " step's id starts with '" + declared + "--'"));
        }
        for (String member : step.keySet()) {
            if (!allowed(type.get(), member)) {
                violations.add(new Violation(at + "/" + member, "is not a member of a " + declared + " step"));
            }
        }
        if (step.containsKey("on_completion") && (step.containsKey("on_success") || step.containsKey("on_failure"))) {
            violations.add(new Violation(at + "/on_completion", "excludes on_success and on_failure (CACAO 2.0)"));
        }
        Optional<Command> command = Optional.empty();
        Optional<StepCondition> condition = Optional.empty();
        switch (type.get()) {
            case ACTION -> {
                if (!step.containsKey("commands")) {
                    violations.add(new Violation(at + "/commands", "is required"));
                } else {
                    command = Optional.of(command(step.getJsonArray("commands").getJsonObject(0), at + "/commands/0",
                            variables, violations));
                }
                if (step.containsKey("out_args") && command.get() instanceof Command.InvokeFunction invoke
                        && RuleTarget.parse(invoke.target()).filter(t -> t.kind() != RuleTarget.Kind.PRODUCT).isPresent()) {
                    // Several products would answer: whose answer sets the variables would be chance.
                    violations.add(new Violation(at + "/out_args", "take out_args from one product: the target is "
                            + invoke.target()));
                }
                for (String out : strings(step.getJsonArray("out_args"))) {
                    Variable variable = variables.get(out);
                    if (variable == null || variable.constant()) {
                        violations.add(new Violation(at + "/out_args", out + " is not a playbook variable that may change"));
                    }
                }
            }
            case PARALLEL -> {
                if (!step.containsKey("next_steps")) {
                    violations.add(new Violation(at + "/next_steps", "is required"));
                }
            }
            case IF_CONDITION -> {
                if (!step.containsKey("condition") || !step.containsKey("on_true")) {
                    violations.add(new Violation(at, "an if-condition step has a condition and on_true"));
                } else {
                    condition = StepCondition.parse(step.getString("condition"));
                    if (condition.isEmpty()) {
                        violations.add(new Violation(at + "/condition", "the hub evaluates one comparison: "
                                + "__name__:value followed by =, !=, <, <=, > or >= and a quoted string, a number, "
                                + "true or false"));
                    } else if (!variables.containsKey(condition.get().variable())) {
                        violations.add(new Violation(at + "/condition", condition.get().variable()
                                + " is not a playbook variable"));
                    }
                }
            }
            default -> {
                // start and end steps have nothing of their own
            }
        }
        long delay = step.containsKey("delay") ? step.getJsonNumber("delay").longValue() : 0;
        Optional<Duration> timeout = step.containsKey("timeout")
                ? Optional.of(Duration.ofMillis(step.getJsonNumber("timeout").longValue())) : Optional.empty();
        if (command.filter(Command.InvokeFunction.class::isInstance).isPresent()
                && timeout.filter(limit -> limit.compareTo(MAX_INVOCATION_TIMEOUT) > 0).isPresent()) {
            violations.add(new Violation(at + "/timeout", "an invocation may take at most 24 hours (86400000 ms)"));
        }
        return Optional.of(new Step(stepId, type.get(), step.getString("name", stepId), Duration.ofMillis(delay), timeout,
                text(step, "on_completion"), text(step, "on_success"), text(step, "on_failure"), command,
                strings(step.getJsonArray("out_args")), strings(step.getJsonArray("next_steps")), condition,
                text(step, "on_true"), text(step, "on_false")));
    }

    private static final Set<String> COMMON = Set.of("type", "name", "description", "external_references", "owner",
            "delay", "timeout", "on_completion", "on_success", "on_failure");

    private static boolean allowed(StepType type, String member) {
        return switch (type) {
            case START -> COMMON.contains(member) && !member.equals("on_success") && !member.equals("on_failure");
            case END -> COMMON.contains(member) && !member.startsWith("on_");
            case ACTION -> COMMON.contains(member) || member.equals("commands") || member.equals("out_args");
            case PARALLEL -> COMMON.contains(member) || member.equals("next_steps");
            case IF_CONDITION -> COMMON.contains(member) || Set.of("condition", "on_true", "on_false").contains(member);
        };
    }

    private Command command(JsonObject command, String at, Map<String, Variable> variables, List<Violation> violations) {
        List<String> referenced = new ArrayList<>(VariableValues.referencedIn(command));
        referenced.stream().filter(name -> !variables.containsKey(name)).forEach(name ->
                violations.add(new Violation(at, name + ":value refers to no playbook variable")));
        if (Command.MANUAL_TYPE.equals(command.getString("type"))) {
            return new Command.Manual(command.getString("command"));
        }
        String function = command.getString("function");
        if (!knownFunction.test(function)) {
            violations.add(new Violation(at + "/function", "'" + function + "' is not in the function catalog"));
        }
        String target = command.getString("target");
        if (VariableValues.referencedIn(JSON.createValue(target)).isEmpty() && RuleTarget.parse(target).isEmpty()) {
            violations.add(new Violation(at + "/target", "a product id, all, or category:<product category>"));
        }
        JsonObject arguments = command.containsKey("arguments") ? command.getJsonObject("arguments")
                : JsonValue.EMPTY_JSON_OBJECT;
        return new Command.InvokeFunction(function, target, arguments);
    }

    /** Every reference resolves; every step but the start is reached from exactly one step, and from the start. */
    private static void shape(String start, Map<String, Step> workflow, List<Violation> violations) {
        Map<String, String> reachedFrom = new HashMap<>();
        for (Step step : workflow.values()) {
            // on_success and on_failure may name the same step: one edge, as on_completion would be.
            for (String next : new java.util.LinkedHashSet<>(step.successors())) {
                if (!workflow.containsKey(next)) {
                    violations.add(new Violation("/workflow/" + step.id(), "refers to '" + next + "', which is not a step"
                            + " of the workflow"));
                } else if (next.equals(start) || reachedFrom.putIfAbsent(next, step.id()) != null) {
                    violations.add(new Violation("/workflow/" + next, "is reached from more than one step: the hub"
                            + " runs workflows that are trees (a branch ends at its own end step)"));
                }
            }
        }
        for (String stepId : workflow.keySet()) {
            String at = stepId;
            int hops = 0;
            while (!at.equals(start) && reachedFrom.containsKey(at) && hops++ <= workflow.size()) {
                at = reachedFrom.get(at);
            }
            if (!at.equals(start)) {
                violations.add(new Violation("/workflow/" + stepId, "is not reached from workflow_start"));
            }
        }
    }

    private static Optional<String> text(JsonObject object, String member) {
        return Optional.ofNullable(object.getString(member, null));
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
