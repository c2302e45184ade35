package org.hutong.function.domain.playbook;

import jakarta.json.JsonObject;

/** What an action step does: invoke a Hutong function, or ask a person (a CACAO {@code manual} command). */
public sealed interface Command {

    /** The CACAO command type of Hutong function invocations. */
    String FUNCTION_TYPE = "hutong-function";
    /** The CACAO command type of a person's decision or task. */
    String MANUAL_TYPE = "manual";

    /**
     * Invoke {@code function} on {@code target} (a product id, {@code all}, or {@code category:<product category>})
     * with {@code arguments}; strings in the target and arguments may hold {@code __variable__:value}.
     */
    record InvokeFunction(String function, String target, JsonObject arguments) implements Command {
    }

    /** Wait for an operator to complete the step (success or failure), with {@code text} saying what to decide or do. */
    record Manual(String text) implements Command {
    }
}
