package org.hutong.function.application.rule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hutong.function.application.playbook.PlaybookRuns;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.function.domain.rule.Templates;

/** Starts the playbook run a rule's match asks for, in the rule engine's transaction; a refusal is returned. */
@ApplicationScoped
public class PlaybookLauncher {

    @Inject
    PlaybookRuns runs;

    /** The run started, or why not. */
    public record Launch(Optional<String> runId, Optional<String> refusal) {
    }

    public Launch launch(LinkageRule.PlaybookStart start, JsonObject information, String actor) {
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            JsonObject filled = (JsonObject) Templates.fill(start.variables(), information);
            filled.forEach((name, value) -> variables.put(name, value instanceof JsonString text ? text.getString()
                    : value == JsonValue.NULL ? "" : value.toString()));
        } catch (Templates.MissingValueException e) {
            return new Launch(Optional.empty(), Optional.of(e.getMessage()));
        }
        return runs.startForRule(start.id(), variables, actor);
    }
}
