package org.hutong.function.application.rule;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.function.application.InvocationRequest;
import org.hutong.function.application.Invocations;
import org.hutong.function.application.RuleInvocation;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.function.domain.rule.Observed;
import org.hutong.function.domain.rule.Templates;
import org.hutong.information.application.InformationQueries;
import org.hutong.information.application.correlation.Correlated;
import org.hutong.information.application.correlation.IncidentCorrelation;
import org.hutong.information.application.InformationText;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.ReceivePosition;

/**
 * One step of the rule engine, in one transaction: claim the engine's position (one engine across
 * servers), read the information stored after it in receive order, let every enabled rule look at each
 * item, start the invocations that follow and record every firing, then move the position. A crash
 * anywhere undoes the whole step, so an item is acted on once: never skipped, never twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RuleEvaluation {

    private static final Logger LOG = Logger.getLogger(RuleEvaluation.class.getName());

    @Inject
    RuleStore store;

    @Inject
    RuleBook rules;

    @EJB
    InformationQueries information;

    @EJB
    Invocations invocations;

    @Inject
    RulePlanner planner;

    @EJB
    IncidentCorrelation correlation;

    @Inject
    PlaybookLauncher playbooks;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** @return how many stored items it looked at (0: nothing new, or another server's engine is at work) */
    public int evaluateNext(int max) {
        Optional<ReceivePosition> position = store.claimPosition();
        if (position.isEmpty()) {
            return 0;
        }
        int expired = store.expireWaiting(clock.instant());
        if (expired > 0) {
            LOG.log(Level.INFO, "{0} rule firing(s) expired unapproved", expired);
        }
        // Read before the rules: what is at or below it was received before any rule enabled after this.
        ReceivePosition readable = information.readableUpTo();
        List<LinkageRule> enabled = rules.enabled();
        if (enabled.isEmpty()) {
            // No rule would look at what is stored: pass it without reading it.
            if (readable.isAfter(position.get())) {
                store.advance(readable);
            }
            return 0;
        }
        List<InformationText> items = information.findText(InformationCriteria.of(Optional.empty(), Optional.empty(),
                position.get(), max));
        if (items.isEmpty()) {
            return 0;
        }
        Map<String, Optional<String>> categories = new HashMap<>();
        RulePlanner.ActedLastMinute rate = new RulePlanner.ActedLastMinute();
        for (InformationText item : items) {
            Observed observed = planner.observe(item.json(), item.receivedAt(), categories);
            for (LinkageRule rule : enabled) {
                if (rule.appliesTo(observed) && counted(rule, observed)) {
                    fire(rule, observed, rate);
                }
            }
        }
        store.advance(items.get(items.size() - 1).position());
        return items.size();
    }

    /** A correlating rule's match: the alert joins its key's incident, or opens one. */
    private void correlate(LinkageRule rule, Observed observed, Instant now) {
        Optional<String> key = LinkageRuleService.correlationKey(rule, observed);
        String reason;
        FiringOutcome outcome;
        if (key.isEmpty()) {
            outcome = FiringOutcome.REFUSED;
            reason = "the alert lacks what the key " + rule.correlation().get().by() + " needs";
        } else {
            Correlated correlated = correlation.correlate(rule.id(), rule.name(), rule.actor(), key.get(),
                    rule.correlation().get().within(), observed.view(), observed.receivedAt());
            outcome = FiringOutcome.CORRELATED;
            reason = (correlated.opened() ? "opened incident " : "joined incident ") + correlated.incidentId()
                    + " of the key '" + key.get() + "', published as " + correlated.publishedId();
        }
        store.record(RuleStore.Firing.of(rule.id(), rule.version(), observed.hubId(), observed.producer(),
                outcome.wireName(), null, null, reason, now));
        audit.record(AuditEntry.success(rule.actor(), "linkage.fire", observed.hubId(), outcome.wireName() + ": " + reason));
    }

    /** A playbook rule's match: a run starts with the external variables filled in from the information. */
    private void startPlaybook(LinkageRule rule, Observed observed, Instant now, RulePlanner.ActedLastMinute rate) {
        RulePlanner.Plan admitted = planner.admit(rule, observed, now, rate);
        String reason = admitted.reason();
        String runId = null;
        FiringOutcome outcome = admitted.outcome();
        if (outcome == FiringOutcome.INVOKED) {
            PlaybookLauncher.Launch launch = playbooks.launch(rule.playbook().get(), observed.view(), rule.actor());
            runId = launch.runId().orElse(null);
            outcome = runId == null ? FiringOutcome.REFUSED : FiringOutcome.PLAYBOOK_STARTED;
            reason = launch.refusal().orElse("run " + runId + " of " + rule.playbook().get().id());
            if (runId != null) {
                rate.acted(rule.id());
            }
        }
        store.record(runId == null
                ? RuleStore.Firing.of(rule.id(), rule.version(), observed.hubId(), observed.producer(), outcome.wireName(),
                        admitted.dedupeKey(), null, reason, now)
                : RuleStore.Firing.started(rule.id(), rule.version(), observed.hubId(), observed.producer(),
                        admitted.dedupeKey(), runId, reason, now));
        audit.record(AuditEntry.success(rule.actor(), "linkage.fire", observed.hubId(), outcome.wireName() + ": " + reason));
    }

    /**
     * Sets aside the next stored item, which the engine could not evaluate even alone: a {@code failed}
     * firing of every enabled rule whose trigger matches it, with the reason, audited, and the position moved
     * past it — recorded, never silently skipped, and the rules go on with the items after it.
     *
     * @return 1 when an item was set aside, 0 when there was none or another server's engine is at work
     */
    public int setAside(String reason) {
        Optional<ReceivePosition> position = store.claimPosition();
        if (position.isEmpty()) {
            return 0;
        }
        List<InformationText> items = information.findText(InformationCriteria.of(Optional.empty(), Optional.empty(),
                position.get(), 1));
        if (items.isEmpty()) {
            return 0;
        }
        InformationText item = items.get(0);
        Instant now = clock.instant();
        String hubId = "sequence " + item.position().sequence();
        try {
            Observed observed = planner.observe(item.json(), item.receivedAt(), new HashMap<>());
            hubId = observed.hubId();
            for (LinkageRule rule : rules.enabled()) {
                if (rule.appliesTo(observed)) {
                    store.record(RuleStore.Firing.of(rule.id(), rule.version(), observed.hubId(), observed.producer(),
                            FiringOutcome.FAILED.wireName(), null, null, reason, now));
                }
            }
        } catch (RuntimeException unreadable) {
            reason = reason + "; the item could not be read either: " + unreadable.getMessage();
        }
        store.advance(item.position());
        audit.record(AuditEntry.failure("hutong", "linkage.set-aside", hubId, reason));
        LOG.log(Level.WARNING, "The rule engine set aside stored item {0} (sequence {1}): {2}",
                new Object[] {hubId, item.position().sequence(), reason});
        return 1;
    }

    /** Whether a match fires: always, or for a counting trigger when it is the n-th of its key within the window. */
    private boolean counted(LinkageRule rule, Observed observed) {
        if (rule.count().isEmpty()) {
            return true;
        }
        LinkageRule.Count count = rule.count().get();
        String key;
        try {
            key = count.by().map(template -> Templates.text(template, observed.view())).orElse("");
        } catch (Templates.MissingValueException e) {
            // Without the member it counts by, the item is not one of those counted.
            return false;
        }
        return store.countMatch(rule.id(), key, observed.hubId(), observed.receivedAt(),
                observed.receivedAt().minus(count.within())) >= count.atLeast();
    }

    /** What one match of one rule does; always recorded, whatever it is. */
    void fire(LinkageRule rule, Observed observed, RulePlanner.ActedLastMinute rate) {
        Instant now = clock.instant();
        if (rule.correlation().isPresent()) {
            correlate(rule, observed, now);
            return;
        }
        if (rule.playbook().isPresent()) {
            startPlaybook(rule, observed, now, rate);
            return;
        }
        RulePlanner.Plan plan = planner.plan(rule, observed, now, rate);
        if (plan.outcome() == FiringOutcome.INVOKED) {
            rate.acted(rule.id());
        }
        FiringOutcome outcome = plan.outcome();
        String reason = plan.reason();
        String invocationId = null;
        if (outcome == FiringOutcome.INVOKED && rule.approvalExpiresAfter().isPresent()) {
            Instant expiresAt = now.plus(rule.approvalExpiresAfter().get());
            store.record(new RuleStore.Firing(0, rule.id(), rule.version(), observed.hubId(), observed.producer(),
                    FiringOutcome.AWAITING_APPROVAL.wireName(), plan.dedupeKey(), null, null, now,
                    plan.arguments().toString(), JSON.createArrayBuilder(plan.targets()).build().toString(), expiresAt,
                    null, null, null));
            audit.record(AuditEntry.success(rule.actor(), "linkage.fire", observed.hubId(), "awaiting-approval: "
                    + rule.function() + " on " + plan.targets() + " until " + expiresAt));
            return;
        }
        if (outcome == FiringOutcome.INVOKED) {
            RuleInvocation started = invocations.invokeForRule(new InvocationRequest(rule.function(),
                    rule.target().text(), plan.arguments(), rule.timeout(), null, null), plan.targets(), rule.actor());
            invocationId = started.invocationId().orElse(null);
            if (invocationId == null) {
                outcome = FiringOutcome.REFUSED;
                reason = started.refusal().orElse("refused");
            }
        }
        store.record(RuleStore.Firing.of(rule.id(), rule.version(), observed.hubId(), observed.producer(),
                outcome.wireName(), plan.dedupeKey(), invocationId, reason, now));
        // Every firing is audited, acting or not: what a rule did not do is part of what it did.
        audit.record(AuditEntry.success(rule.actor(), "linkage.fire", observed.hubId(), outcome.wireName() + ": "
                + (outcome == FiringOutcome.INVOKED ? rule.function() + " on " + plan.targets() + ", invocation "
                        + invocationId : reason)));
    }
}
