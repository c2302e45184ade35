package org.hutong.function.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an invocation stands as a whole: running until every target has an outcome, then
 * succeeded (all targets succeeded), partially_succeeded, failed (none succeeded) or timed_out
 * (no target answered in time).
 */
public enum InvocationStatus {
    RUNNING,
    SUCCEEDED,
    PARTIALLY_SUCCEEDED,
    FAILED,
    TIMED_OUT;

    public boolean isFinal() {
        return this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InvocationStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }

    /** The status of an invocation whose targets stand at {@code targets}. */
    public static InvocationStatus of(Collection<TargetStatus> targets) {
        if (targets.isEmpty() || targets.stream().anyMatch(status -> !status.isFinal())) {
            return RUNNING;
        }
        long succeeded = targets.stream().filter(status -> status == TargetStatus.SUCCEEDED).count();
        if (succeeded == targets.size()) {
            return SUCCEEDED;
        }
        if (succeeded > 0) {
            return PARTIALLY_SUCCEEDED;
        }
        return targets.stream().allMatch(status -> status == TargetStatus.TIMED_OUT) ? TIMED_OUT : FAILED;
    }
}
