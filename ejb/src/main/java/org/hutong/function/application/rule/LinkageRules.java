package org.hutong.function.application.rule;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** Managing linkage rules: every change is a new version, audited; reads for operators and auditors. */
@Local
public interface LinkageRules {

    /** The outcome of a save: the rule and whether it is new. */
    record Saved(RuleView rule, boolean created) {
    }

    /**
     * Stores {@code document} as the rule's next version (its first, if new).
     *
     * @throws InvalidRuleException with every violation
     */
    Saved save(String id, String document);

    Optional<RuleView> find(String id);

    List<RuleView> all();

    /** Newest first; empty when no such rule exists. */
    List<RuleView> versions(String id);

    /** Turns the rule on or off without a new version; empty when there is no such rule. */
    Optional<RuleView> enable(String id, boolean enabled);

    boolean delete(String id);

    /**
     * @param information an envelope (id, type, producer, time, body) or an item as the API serves it
     * @throws InvalidRuleException if {@code information} is not a JSON object with type, producer and body
     */
    Optional<DryRun> dryRun(String id, String information);

    /**
     * Starts the invocation a firing awaits (as the rule, the approver recorded) or rejects it.
     *
     * @return empty when the rule has no such firing
     * @throws FiringDecidedException when it no longer awaits approval (decided, or expired)
     */
    Optional<RuleFiring> decide(String id, long firing, boolean approve);

    /** Newest first, numbered below {@code before} (0: from the newest); empty when no such rule exists. */
    Optional<List<RuleFiring>> firings(String id, long before, int limit);
}
