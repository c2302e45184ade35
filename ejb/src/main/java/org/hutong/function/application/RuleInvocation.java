package org.hutong.function.application;

import java.util.Optional;

/** What became of an invocation a linkage rule asked for: started (its id) or refused (why). */
public record RuleInvocation(Optional<String> invocationId, Optional<String> refusal) {

    public static RuleInvocation started(String invocationId) {
        return new RuleInvocation(Optional.of(invocationId), Optional.empty());
    }

    public static RuleInvocation refused(String reason) {
        return new RuleInvocation(Optional.empty(), Optional.of(reason));
    }
}
