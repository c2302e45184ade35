package org.hutong.function.application.rule;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hutong.function.application.TargetProducts;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.function.domain.rule.Observed;
import org.hutong.function.domain.rule.RuleTarget;
import org.hutong.function.domain.rule.Templates;
import org.hutong.information.domain.Classification;
import org.hutong.registry.application.Provider;
import org.hutong.registry.application.Providers;
import org.hutong.shared.domain.InformationType;

/**
 * Decides what a rule's match does, short of doing it: the arguments and de-duplication key filled in
 * from the information, whether an earlier firing or the rule's rate stops it, and which products it
 * goes to — never the information's own producer unless the rule says so.
 */
@ApplicationScoped
public class RulePlanner {

    @Inject
    RuleStore store;

    @Inject
    Providers products;

    /** A decision: {@code outcome} INVOKED means "invoke with these arguments on these targets". */
    public record Plan(FiringOutcome outcome, String reason, JsonObject arguments, String dedupeKey, List<String> targets) {

        static Plan stop(FiringOutcome outcome, String reason, String dedupeKey) {
            return new Plan(outcome, reason, null, dedupeKey, List.of());
        }
    }

    /**
     * How often each rule acted in the minute before a step began, read once per rule and step and
     * counted up as the step acts: one query per rule and step, not per firing.
     */
    public static final class ActedLastMinute {

        private final java.util.Map<String, Integer> counts = new java.util.HashMap<>();

        int of(RuleStore store, String ruleId, Instant now) {
            return counts.computeIfAbsent(ruleId, id -> store.actedSince(id, now.minusSeconds(60)));
        }

        /** Counts an acting firing of {@code ruleId} made in this step. */
        public void acted(String ruleId) {
            counts.merge(ruleId, 1, Integer::sum);
        }
    }

    /** A decision on its own (a dry run, an approval): the rate read afresh. */
    public Plan plan(LinkageRule rule, Observed observed, Instant now) {
        return plan(rule, observed, now, new ActedLastMinute());
    }

    public Plan plan(LinkageRule rule, Observed observed, Instant now, ActedLastMinute rate) {
        JsonObject arguments;
        try {
            arguments = (JsonObject) Templates.fill(rule.arguments(), observed.view());
        } catch (Templates.MissingValueException e) {
            return Plan.stop(FiringOutcome.REFUSED, e.getMessage(), null);
        }
        Plan admitted = admit(rule, observed, now, rate);
        if (admitted.outcome() != FiringOutcome.INVOKED) {
            return admitted;
        }
        String dedupeKey = admitted.dedupeKey();
        List<String> targets = targets(rule, observed);
        if (targets.isEmpty()) {
            return Plan.stop(FiringOutcome.NO_TARGET, rule.target().kind() == RuleTarget.Kind.PRODUCT
                    ? "the target is the information's own producer, and the rule does not act on its producer"
                    : "no active provider of " + rule.function() + " other than the information's producer", dedupeKey);
        }
        return new Plan(FiringOutcome.INVOKED, null, arguments, dedupeKey, targets);
    }

    /**
     * Whether a match may act at all, whatever the action: its de-duplication key filled in, no earlier
     * firing on that key within the window, the rule's rate not spent. INVOKED means "go on".
     */
    public Plan admit(LinkageRule rule, Observed observed, Instant now) {
        return admit(rule, observed, now, new ActedLastMinute());
    }

    public Plan admit(LinkageRule rule, Observed observed, Instant now, ActedLastMinute rate) {
        String dedupeKey = null;
        if (rule.dedupe().isPresent()) {
            try {
                dedupeKey = Templates.text(rule.dedupe().get().key(), observed.view());
            } catch (Templates.MissingValueException e) {
                return Plan.stop(FiringOutcome.REFUSED, e.getMessage(), null);
            }
            Optional<Long> earlier = store.actedOn(rule.id(), dedupeKey, now.minus(rule.dedupe().get().window()));
            if (earlier.isPresent()) {
                return Plan.stop(FiringOutcome.DEDUPLICATED, "firing " + earlier.get() + " acted on the same key within "
                        + rule.dedupe().get().window(), dedupeKey);
            }
        }
        if (rate.of(store, rule.id(), now) >= rule.maxFiringsPerMinute()) {
            return Plan.stop(FiringOutcome.RATE_LIMITED, "the rule acted " + rule.maxFiringsPerMinute()
                    + " times within the last minute", dedupeKey);
        }
        return new Plan(FiringOutcome.INVOKED, null, null, dedupeKey, List.of());
    }

    private List<String> targets(LinkageRule rule, Observed observed) {
        List<String> candidates = TargetProducts.of(products, rule.function(), rule.target());
        return rule.actOnProducer() ? candidates
                : candidates.stream().filter(id -> !id.equals(observed.producer())).toList();
    }

    /**
     * Information as a rule sees it, from its view: an item as the API serves it (its hub id from
     * {@code hub.id}), or an envelope (a dry run, hub id {@code dry-run}).
     *
     * @param producerCategories the registry categories of producers looked up so far (filled in)
     */
    public Observed observe(String json, Instant receivedAt, Map<String, Optional<String>> producerCategories) {
        JsonObject view;
        try (var reader = JSON.createReader(new StringReader(json))) {
            view = reader.readObject();
        }
        String type = view.getString("type");
        String producer = view.getString("producer");
        Classification classification = InformationType.fromWireName(type)
                .map(known -> Classification.of(known, view.getJsonObject("body")))
                .orElse(new Classification(OptionalInt.empty(), Optional.empty()));
        Optional<String> producerCategory = producerCategories.computeIfAbsent(producer,
                id -> products.find(id).map(Provider::category));
        String hubId = view.get("hub") instanceof JsonObject hub ? hub.getString("id", "dry-run") : "dry-run";
        return new Observed(hubId, type, producer, classification.severity(), classification.category(),
                producerCategory, receivedAt, view);
    }
}
