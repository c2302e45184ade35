package org.hutong.function.application.rule;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.function.application.InvocationRequest;
import org.hutong.function.application.Invocations;
import org.hutong.function.application.RuleInvocation;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.function.domain.rule.Observed;
import org.hutong.shared.domain.Roles;
import org.hutong.shared.domain.Violation;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class LinkageRuleService implements LinkageRules {

    @Inject
    RuleStore store;

    @Inject
    RuleBook book;

    @Inject
    RulePlanner planner;

    @Inject
    AuditTrail audit;

    @EJB
    Invocations invocations;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Saved save(String id, String document) {
        Optional<RuleStore.StoredRule> current = store.lock(id);
        int version = store.versions(id).stream().mapToInt(RuleStore.StoredVersion::version).max().orElse(0) + 1;
        Instant now = clock.instant();
        LinkageRule rule = book.documents().read(id, version, document, now);
        String actor = actor();
        store.save(new RuleStore.StoredRule(id, version, rule.enabled(), now, actor, document), true);
        audit.record(AuditEntry.success(actor, current.isEmpty() ? "linkage.rule.create" : "linkage.rule.update", id,
                "version " + version + (rule.enabled() ? ", enabled" : ", disabled") + ": " + rule.describeAction()));
        return new Saved(find(id).orElseThrow(), current.isEmpty());
    }

    @Override
    public Optional<RuleView> find(String id) {
        return store.find(id).map(LinkageRuleService::view);
    }

    @Override
    public List<RuleView> all() {
        return store.all().stream().map(LinkageRuleService::view).toList();
    }

    @Override
    public List<RuleView> versions(String id) {
        Optional<RuleStore.StoredRule> current = store.find(id);
        if (current.isEmpty()) {
            return List.of();
        }
        return store.versions(id).stream().map(version -> view(new RuleStore.StoredRule(id, version.version(),
                current.get().enabled() && version.version() == current.get().version(), version.createdAt(),
                version.createdBy(), version.document()))).toList();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Optional<RuleView> enable(String id, boolean enabled) {
        Optional<RuleStore.StoredRule> current = store.lock(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        RuleStore.StoredRule rule = current.get();
        if (rule.enabled() != enabled) {
            String actor = actor();
            store.save(new RuleStore.StoredRule(id, rule.version(), enabled, clock.instant(), actor, rule.document()),
                    false);
            audit.record(AuditEntry.success(actor, enabled ? "linkage.rule.enable" : "linkage.rule.disable", id,
                    "version " + rule.version()));
        }
        return find(id);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public boolean delete(String id) {
        boolean deleted = store.delete(id);
        if (deleted) {
            audit.record(AuditEntry.success(actor(), "linkage.rule.delete", id, "its versions and firings are kept"));
        }
        return deleted;
    }

    @Override
    public Optional<DryRun> dryRun(String id, String information) {
        Optional<RuleStore.StoredRule> stored = store.find(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        // Whether or not it is enabled, and whatever its age: what would it do with this?
        LinkageRule anyTime = book.read(stored.get()).atAnyTime();
        Instant now = clock.instant();
        Observed observed = observed(information, now);
        if (!anyTime.appliesTo(observed)) {
            return Optional.of(new DryRun(false, null, "the trigger does not match", null, null, List.of()));
        }
        if (anyTime.correlation().isPresent()) {
            return Optional.of(new DryRun(true, FiringOutcome.CORRELATED.wireName(), correlationKey(anyTime, observed)
                    .map(key -> "would join the open incident of the key '" + key + "' or open one")
                    .orElse("the alert lacks what the key needs: it would not be correlated"), null, null, List.of()));
        }
        if (anyTime.playbook().isPresent()) {
            RulePlanner.Plan admitted = planner.admit(anyTime, observed, now);
            return Optional.of(admitted.outcome() == FiringOutcome.INVOKED
                    ? new DryRun(true, FiringOutcome.PLAYBOOK_STARTED.wireName(), "would start a run of "
                            + anyTime.playbook().get().id(), null, admitted.dedupeKey(), List.of())
                    : new DryRun(true, admitted.outcome().wireName(), admitted.reason(), null, admitted.dedupeKey(),
                            List.of()));
        }
        RulePlanner.Plan plan = planner.plan(anyTime, observed, now);
        return Optional.of(new DryRun(true, plan.outcome().wireName(), plan.reason(), plan.arguments(), plan.dedupeKey(),
                plan.targets()));
    }

    static Optional<String> correlationKey(LinkageRule rule, Observed observed) {
        try {
            return Optional.of(org.hutong.function.domain.rule.Templates.text(rule.correlation().orElseThrow().by(),
                    observed.view()));
        } catch (org.hutong.function.domain.rule.Templates.MissingValueException e) {
            return Optional.empty();
        }
    }

    private Observed observed(String information, Instant now) {
        try (var reader = JSON.createReader(new StringReader(information == null ? "" : information))) {
            JsonObject json = reader.readObject();
            if (!(json.get("type") instanceof jakarta.json.JsonString) || !(json.get("producer") instanceof jakarta.json.JsonString)
                    || !(json.get("body") instanceof JsonObject)) {
                throw new InvalidRuleException(List.of(new Violation("", "a dry run takes information: an object with"
                        + " type, producer and body")));
            }
            return planner.observe(json.toString(), now, new HashMap<>());
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRuleException(List.of(new Violation("", "a dry run takes information: a JSON object")));
        }
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Optional<RuleFiring> decide(String id, long number, boolean approve) {
        Optional<RuleStore.Firing> found = store.lockFiring(id, number);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RuleStore.Firing firing = found.get();
        Instant now = clock.instant();
        if (!FiringOutcome.AWAITING_APPROVAL.wireName().equals(firing.outcome())) {
            throw new FiringDecidedException("firing " + number + " of rule " + id + " is " + firing.outcome()
                    + ", it awaits no decision");
        }
        if (!firing.expiresAt().isAfter(now)) {
            store.decide(number, FiringOutcome.EXPIRED.wireName(), null, "nobody approved it before " + firing.expiresAt(),
                    null, now);
            throw new FiringDecidedException("firing " + number + " of rule " + id + " expired at " + firing.expiresAt());
        }
        String actor = actor();
        if (!approve) {
            store.decide(number, FiringOutcome.REJECTED.wireName(), null, "rejected by " + actor, actor, now);
            audit.record(AuditEntry.success(actor, "linkage.reject", id + "/" + number, "the invocation was not started"));
            return firingView(id, number);
        }
        // The version that fired says what to invoke, whatever the rule says now.
        String document = store.versions(id).stream().filter(version -> version.version() == firing.ruleVersion())
                .findFirst().orElseThrow().document();
        LinkageRule rule = book.documents().read(id, firing.ruleVersion(), document, Instant.EPOCH);
        JsonObject arguments = JSON.createReader(new StringReader(firing.arguments())).readObject();
        List<String> targets = JSON.createReader(new StringReader(firing.targets())).readArray()
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
        RuleInvocation started = invocations.invokeForRule(new InvocationRequest(rule.function(), rule.target().text(),
                arguments, rule.timeout(), null, null), targets, rule.actor());
        if (started.invocationId().isPresent()) {
            store.decide(number, FiringOutcome.INVOKED.wireName(), started.invocationId().get(), "approved by " + actor,
                    actor, now);
            audit.record(AuditEntry.success(actor, "linkage.approve", id + "/" + number, rule.function() + " on "
                    + targets + ": invocation " + started.invocationId().get()));
        } else {
            store.decide(number, FiringOutcome.REFUSED.wireName(), null, "approved by " + actor + ", but "
                    + started.refusal().orElse("refused"), actor, now);
            audit.record(AuditEntry.refused(actor, "linkage.approve", id + "/" + number, started.refusal().orElse("")));
        }
        return firingView(id, number);
    }

    private Optional<RuleFiring> firingView(String id, long number) {
        return store.lockFiring(id, number).map(RuleFiring::of);
    }

    @Override
    public Optional<List<RuleFiring>> firings(String id, long before, int limit) {
        if (store.find(id).isEmpty() && store.versions(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.firings(id, before, limit).stream().map(RuleFiring::of).toList());
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }

    static RuleView view(RuleStore.StoredRule rule) {
        JsonObject document = JSON.createReader(new StringReader(rule.document())).readObject();
        return new RuleView(rule.id(), rule.version(), document.getString("name", rule.id()), rule.enabled(),
                rule.updatedAt(), rule.updatedBy(), document);
    }
}
