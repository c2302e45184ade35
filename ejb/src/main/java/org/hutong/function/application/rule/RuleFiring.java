package org.hutong.function.application.rule;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * One match of a rule and what came of it, as the API shows it; for a rule in approval mode also the
 * invocation it waits to start (arguments, targets), until when, and who decided; for a rule that starts a
 * playbook, the run.
 */
public record RuleFiring(long number, int ruleVersion, String hubId, String producer, String outcome,
        String dedupeKey, String invocationId, String reason, Instant firedAt, JsonObject arguments, List<String> targets,
        Instant expiresAt, String decidedBy, Instant decidedAt, String runId) {

    static RuleFiring of(RuleStore.Firing firing) {
        JsonObject arguments = firing.arguments() == null ? null
                : JSON.createReader(new StringReader(firing.arguments())).readObject();
        List<String> targets = firing.targets() == null ? null
                : JSON.createReader(new StringReader(firing.targets())).readArray().getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
        return new RuleFiring(firing.number(), firing.ruleVersion(), firing.hubId(), firing.producer(), firing.outcome(),
                firing.dedupeKey(), firing.invocationId(), firing.reason(), firing.firedAt(), arguments, targets,
                firing.expiresAt(), firing.decidedBy(), firing.decidedAt(), firing.runId());
    }
}
