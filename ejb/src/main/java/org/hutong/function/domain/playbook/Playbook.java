package org.hutong.function.domain.playbook;

import java.util.Map;
import java.util.Optional;

/**
 * One stored version of a playbook (CACAO 2.0 subset): its CACAO id ({@code playbook--<uuid>}), the
 * hub's version number, name, start step, workflow and playbook variables.
 */
public record Playbook(String id, int version, String name, String workflowStart, Map<String, Step> workflow,
        Map<String, Variable> variables) {

    public Playbook {
        workflow = Map.copyOf(workflow);
        variables = Map.copyOf(variables);
    }

    public Step step(String stepId) {
        return Optional.ofNullable(workflow.get(stepId))
                .orElseThrow(() -> new IllegalArgumentException(id + " has no step " + stepId));
    }

    /** The actor the invocations of a run are recorded under. */
    public static String actor(String runId) {
        return "playbook-run:" + runId;
    }
}
