package org.hutong.function.domain.playbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One workflow step as the hub runs it. {@code onCompletion} excludes {@code onSuccess}/{@code onFailure}
 * (CACAO 2.0); {@code command} and {@code outArgs} belong to action steps, {@code nextSteps} to parallel
 * steps, {@code condition}, {@code onTrue} and {@code onFalse} to if-condition steps.
 *
 * @param delay how long after it is reached the step starts (CACAO {@code delay}, milliseconds on the wire)
 * @param timeout how long an action may take (CACAO {@code timeout}); absent: the hub's default
 */
public record Step(String id, StepType type, String name, Duration delay, Optional<Duration> timeout,
        Optional<String> onCompletion, Optional<String> onSuccess, Optional<String> onFailure,
        Optional<Command> command, List<String> outArgs, List<String> nextSteps, Optional<StepCondition> condition,
        Optional<String> onTrue, Optional<String> onFalse) {

    public Step {
        outArgs = List.copyOf(outArgs);
        nextSteps = List.copyOf(nextSteps);
    }

    /** The step that follows once this one ended as {@code succeeded} says, if any. */
    public Optional<String> next(boolean succeeded) {
        return onCompletion.isPresent() ? onCompletion : succeeded ? onSuccess : onFailure;
    }

    /** Every step this one leads to, in any way. */
    public List<String> successors() {
        List<String> all = new ArrayList<>(nextSteps);
        onCompletion.ifPresent(all::add);
        onSuccess.ifPresent(all::add);
        onFailure.ifPresent(all::add);
        onTrue.ifPresent(all::add);
        onFalse.ifPresent(all::add);
        return all;
    }
}
