package org.hutong.function.domain.rule;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One version of a linkage rule: when stored information matches {@link #trigger}, invoke
 * {@code function} on {@link #target} with {@code arguments} filled in from it ({@link Templates}).
 * A firing whose {@link #dedupe} key repeats within its window does not act again (the same IP is not
 * blocked twice while its block lasts); at most {@code maxFiringsPerMinute} act per minute; and
 * information never makes the rule act on its own producer unless {@code actOnProducer}. With a
 * {@link Count} it fires only on the n-th match within a window; with an approval expiry its invocation
 * waits for an operator's approval, and expires unapproved. With a {@link Correlation} it groups alerts into
 * incidents instead of invoking anything; with a {@link PlaybookStart} it starts a playbook run.
 *
 * @param enabledSince the rule acts only on information received from then on, never on history
 */
public record LinkageRule(String id, int version, String name, boolean enabled, Instant enabledSince, Trigger trigger,
        String function, RuleTarget target, JsonObject arguments, Duration timeout, Optional<Dedupe> dedupe,
        int maxFiringsPerMinute, boolean actOnProducer, Optional<Count> count, Optional<Duration> approvalExpiresAfter,
        Optional<Correlation> correlation, Optional<PlaybookStart> playbook) {

    /**
     * Instead of invoking, start a run of the playbook {@code id} with its external variables set from
     * {@code variables} (templates over the information); de-duplication and the rate apply as to invocations.
     */
    public record PlaybookStart(String id, JsonObject variables) {
    }

    /**
     * Instead of invoking, alerts with the same key (a template) join one incident while each follows the last
     * within the window; then function, target, arguments and timeout are null.
     */
    public record Correlation(String by, Duration within) {
    }

    /** The de-duplication key (a template) and how long a key keeps a second firing from acting. */
    public record Dedupe(String key, Duration window) {
    }

    /** Fire on the {@code atLeast}-th match with the same key (a template; all alike when absent) within the window. */
    public record Count(int atLeast, Duration within, Optional<String> by) {
    }

    /** The same version, enabled or not (the rule row, not the document, says which). */
    public LinkageRule withEnabled(boolean on) {
        return new LinkageRule(id, version, name, on, enabledSince, trigger, function, target, arguments, timeout,
                dedupe, maxFiringsPerMinute, actOnProducer, count, approvalExpiresAfter, correlation, playbook);
    }

    /** The same version, looking at information of any age (a dry run). */
    public LinkageRule atAnyTime() {
        return new LinkageRule(id, version, name, true, java.time.Instant.EPOCH, trigger, function, target, arguments,
                timeout, dedupe, maxFiringsPerMinute, actOnProducer, count, approvalExpiresAfter, correlation, playbook);
    }

    public boolean appliesTo(Observed information) {
        return enabled && !information.receivedAt().isBefore(enabledSince) && trigger.matches(information);
    }

    /** What the rule does, in a few words (for logs and the audit trail). */
    public String describeAction() {
        if (playbook.isPresent()) {
            return "start playbook " + playbook.get().id();
        }
        return correlation.map(c -> "correlate alerts by " + c.by() + " within " + c.within())
                .orElseGet(() -> function + " on " + target.text());
    }

    /** The actor an invocation of this rule is recorded under. */
    public String actor() {
        return "rule:" + id + "@" + version;
    }
}
