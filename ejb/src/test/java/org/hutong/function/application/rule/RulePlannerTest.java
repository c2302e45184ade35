package org.hutong.function.application.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.function.domain.rule.Observed;
import org.hutong.information.domain.ReceivePosition;
import org.hutong.registry.application.Provider;
import org.hutong.registry.application.Providers;
import org.junit.jupiter.api.Test;

class RulePlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final Firings firings = new Firings();
    private final RulePlanner planner = planner(List.of(
            provider("fw-01", "firewall"), provider("fw-02", "firewall"), provider("ids-01", "intrusion-detection")));

    private RulePlanner planner(List<Provider> providers) {
        RulePlanner planner = new RulePlanner();
        planner.store = firings;
        planner.products = new Providers() {
            @Override
            public Optional<Provider> find(String productId) {
                return providers.stream().filter(p -> p.id().equals(productId)).findFirst();
            }

            @Override
            public List<Provider> activeProviders(String functionId) {
                return providers.stream().filter(p -> p.provides(functionId)).toList();
            }

            @Override
            public Set<String> functionsProvided() {
                throw new UnsupportedOperationException("the planner does not list functions");
            }

            @Override
            public void heardFrom(String productId, Instant at) {
                throw new UnsupportedOperationException("the planner hears from nobody");
            }
        };
        return planner;
    }

    private static Provider provider(String id, String category) {
        return new Provider(id, "active", Set.of("protect.block-ip"), Optional.of("hutong.function." + id), null, category);
    }

    private static LinkageRule rule(String target, boolean actOnProducer) {
        String document = RuleDocumentsTest.BLOCK.replace("category:firewall", target)
                .replace("\"maxFiringsPerMinute\":10", "\"maxFiringsPerMinute\":2,\"actOnProducer\":" + actOnProducer);
        return RuleDocumentsTest.DOCUMENTS.read("block", 1, document, Instant.EPOCH);
    }

    private Observed alertFrom(String producer, String ip) {
        String json = "{\"id\":\"a\",\"type\":\"alert\",\"producer\":\"" + producer + "\",\"time\":\"2026-12-05T10:00:00Z\","
                + "\"body\":{\"name\":\"Port scan\",\"category\":\"network-attack/scan\",\"severity\":3,"
                + "\"source\":{\"ip\":\"" + ip + "\"}},\"hub\":{\"id\":\"h-" + ip + "\"}}";
        return planner.observe(json, NOW, new HashMap<>());
    }

    @Test
    void fillsTheArgumentsAndGoesToTheCategorysProviders() {
        RulePlanner.Plan plan = planner.plan(rule("category:firewall", false), alertFrom("ids-01", "203.0.113.9"), NOW);
        assertThat(plan.outcome()).isEqualTo(FiringOutcome.INVOKED);
        assertThat(plan.targets()).containsExactly("fw-01", "fw-02");
        assertThat(plan.arguments().getString("ip")).isEqualTo("203.0.113.9");
        assertThat(plan.arguments().getString("reason")).isEqualTo("Port scan (rule)");
        assertThat(plan.dedupeKey()).isEqualTo("203.0.113.9");
    }

    @Test
    void neverActsOnTheInformationsOwnProducerUnlessTheRuleSaysSo() {
        // A firewall's own alert asks every provider, itself included, to block: not itself.
        assertThat(planner.plan(rule("all", false), alertFrom("fw-01", "198.51.100.1"), NOW).targets())
                .containsExactly("fw-02", "ids-01");
        RulePlanner.Plan self = planner.plan(rule("fw-01", false), alertFrom("fw-01", "198.51.100.1"), NOW);
        assertThat(self.outcome()).isEqualTo(FiringOutcome.NO_TARGET);
        assertThat(self.reason()).contains("own producer");
        assertThat(planner.plan(rule("fw-01", true), alertFrom("fw-01", "198.51.100.1"), NOW).targets())
                .containsExactly("fw-01");
    }

    @Test
    void aKeyThatActedWithinTheWindowDoesNotActAgain() {
        LinkageRule rule = rule("all", false);
        firings.acted("block", "203.0.113.9", NOW.minusSeconds(3599));
        RulePlanner.Plan again = planner.plan(rule, alertFrom("ids-01", "203.0.113.9"), NOW);
        assertThat(again.outcome()).isEqualTo(FiringOutcome.DEDUPLICATED);
        assertThat(again.reason()).contains("PT1H");
        assertThat(planner.plan(rule, alertFrom("ids-01", "203.0.113.10"), NOW).outcome()).isEqualTo(FiringOutcome.INVOKED);
    }

    @Test
    void theRateStopsWhatTheWindowLetsThrough() {
        LinkageRule rule = rule("all", false);
        firings.acted("block", "192.0.2.1", NOW.minusSeconds(30));
        firings.acted("block", "192.0.2.2", NOW.minusSeconds(10));
        assertThat(planner.plan(rule, alertFrom("ids-01", "192.0.2.3"), NOW).outcome())
                .isEqualTo(FiringOutcome.RATE_LIMITED);
        assertThat(planner.plan(rule, alertFrom("ids-01", "192.0.2.3"), NOW.plusSeconds(31)).outcome())
                .isEqualTo(FiringOutcome.INVOKED);
    }

    @Test
    void informationWithoutWhatTheArgumentsNeedIsRefused() {
        String json = "{\"id\":\"a\",\"type\":\"alert\",\"producer\":\"ids-01\",\"body\":{\"name\":\"n\","
                + "\"category\":\"network-attack/scan\",\"severity\":3}}";
        RulePlanner.Plan plan = planner.plan(rule("all", false), planner.observe(json, NOW, new HashMap<>()), NOW);
        assertThat(plan.outcome()).isEqualTo(FiringOutcome.REFUSED);
        assertThat(plan.reason()).isEqualTo("the information has no /body/source/ip");
    }

    /** The firings the planner asks about: only the two questions it asks are answered. */
    private static final class Firings implements RuleStore {

        private record Acted(String rule, String key, Instant at) {
        }

        private final List<Acted> acted = new ArrayList<>();

        void acted(String rule, String key, Instant at) {
            acted.add(new Acted(rule, key, at));
        }

        @Override
        public Optional<Long> actedOn(String ruleId, String dedupeKey, Instant since) {
            return acted.stream().filter(a -> a.rule().equals(ruleId) && a.key().equals(dedupeKey) && !a.at().isBefore(since))
                    .map(a -> 7L).findFirst();
        }

        @Override
        public int actedSince(String ruleId, Instant since) {
            return (int) acted.stream().filter(a -> a.rule().equals(ruleId) && !a.at().isBefore(since)).count();
        }

        @Override
        public Optional<StoredRule> find(String id) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public Optional<StoredRule> lock(String id) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public List<StoredRule> all() {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public List<StoredRule> enabled() {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public List<StoredVersion> versions(String id) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public void save(StoredRule rule, boolean newVersion) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public boolean delete(String id) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public void record(Firing firing) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public List<Firing> firings(String ruleId, long before, int limit) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public Optional<Firing> lockFiring(String ruleId, long number) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public void decide(long number, String outcome, String invocationId, String reason, String decidedBy,
                Instant decidedAt) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public int expireWaiting(Instant now) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public int countMatch(String ruleId, String key, String hubId, Instant receivedAt, Instant since) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public Optional<ReceivePosition> claimPosition() {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }

        @Override
        public void advance(ReceivePosition after) {
            throw new UnsupportedOperationException("the planner asks only about acting firings");
        }
    }
}
