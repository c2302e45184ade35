package org.hutong.function.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hutong.shared.domain.JsonApi.JSON;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriggerTest {

    private static final Observed SCAN = new Observed("h-1", "alert", "ids-01", OptionalInt.of(3),
            Optional.of("network-attack/scan"), Optional.of("intrusion-detection"), Instant.parse("2026-12-05T10:00:00Z"),
            TemplatesTest.json("{\"type\":\"alert\",\"producer\":\"ids-01\",\"body\":{\"name\":\"Port scan\","
                    + "\"source\":{\"ip\":\"203.0.113.9\"},\"confidence\":80}}"));

    private static Trigger alerts() {
        return new Trigger("alert", Set.of(), Set.of(), OptionalInt.empty(), List.of(), List.of());
    }

    @Test
    void typeProducersAndProducerCategoriesNarrowIt() {
        assertThat(alerts().matches(SCAN)).isTrue();
        assertThat(new Trigger("behavior", Set.of(), Set.of(), OptionalInt.empty(), List.of(), List.of()).matches(SCAN))
                .isFalse();
        assertThat(new Trigger("alert", Set.of("ids-02"), Set.of(), OptionalInt.empty(), List.of(), List.of())
                .matches(SCAN)).isFalse();
        assertThat(new Trigger("alert", Set.of(), Set.of("firewall"), OptionalInt.empty(), List.of(), List.of())
                .matches(SCAN)).isFalse();
        assertThat(new Trigger("alert", Set.of("ids-01"), Set.of("intrusion-detection"), OptionalInt.empty(),
                List.of(), List.of()).matches(SCAN)).isTrue();
    }

    @Test
    void severityIsALowestBoundAndCategoriesTakeWhatIsBelowThem() {
        assertThat(new Trigger("alert", Set.of(), Set.of(), OptionalInt.of(3), List.of(), List.of()).matches(SCAN)).isTrue();
        assertThat(new Trigger("alert", Set.of(), Set.of(), OptionalInt.of(4), List.of(), List.of()).matches(SCAN)).isFalse();
        assertThat(new Trigger("alert", Set.of(), Set.of(), OptionalInt.empty(), List.of("network-attack"), List.of())
                .matches(SCAN)).isTrue();
        // A prefix that is not a parent in the code list does not match.
        assertThat(new Trigger("alert", Set.of(), Set.of(), OptionalInt.empty(), List.of("network-att"), List.of())
                .matches(SCAN)).isFalse();
        assertThat(new Trigger("alert", Set.of(), Set.of(), OptionalInt.empty(), List.of("malware"), List.of())
                .matches(SCAN)).isFalse();
    }

    @Test
    void everyConditionMustHold() {
        Trigger trigger = new Trigger("alert", Set.of(), Set.of(), OptionalInt.empty(), List.of(), List.of(
                Condition.exists("/body/source/ip", true), Condition.exists("/body/destination", false),
                Condition.equalTo("/body/confidence", JSON.createValue(80)),
                Condition.oneOf("/producer", JSON.createArrayBuilder().add("ids-01").add("ids-02").build()),
                Condition.matching("/body/name", "(?i)port\\s+scan")));
        assertThat(trigger.matches(SCAN)).isTrue();
        assertThat(new Trigger("alert", Set.of(), Set.of(), OptionalInt.empty(), List.of(),
                List.of(Condition.equalTo("/body/confidence", JSON.createValue("80")))).matches(SCAN))
                .as("a string is not the number").isFalse();
        assertThat(new Trigger("alert", Set.of(), Set.of(), OptionalInt.empty(), List.of(),
                List.of(Condition.matching("/body/confidence", "80")))).extracting(t -> t.matches(SCAN))
                .as("a pattern matches strings only").isEqualTo(false);
    }
}
