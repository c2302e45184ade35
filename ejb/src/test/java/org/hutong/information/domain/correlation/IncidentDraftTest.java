package org.hutong.information.domain.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hutong.shared.domain.JsonApi.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentDraftTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static CorrelatedAlert alert(String id, String category, int severity, Instant time,
            CorrelatedAlert.AffectedAsset... assets) {
        return new CorrelatedAlert(id, "SSH brute force", category, severity, time, List.of(assets));
    }

    @Test
    void theFirstAlertOpensANewIncidentOfItsCategoryAndGrade() {
        JsonObject body = IncidentDraft.opened("brute force", "10.0.0.9", alert("a1", "network-attack/credential-attack", 3,
                T0, new CorrelatedAlert.AffectedAsset("web-01", 5)));

        assertEquals("network-attack", body.getString("category"));
        assertEquals("network-attack/credential-attack", body.getString("subCategory"));
        assertEquals("II", body.getString("grade"), "severity 3 → III, raised by an asset of importance 5");
        assertEquals("new", body.getString("status"));
        assertEquals(List.of("a1"), strings(body, "relatedAlerts"));
        assertEquals(List.of("web-01"), strings(body, "affectedAssets"));
        assertEquals("hutong", body.getString("reporter"));
        assertThat(body.getString("title")).contains("SSH brute force").contains("10.0.0.9");
    }

    @Test
    void joiningAlertsAddLinksAndAssetsKeepTheStatusAndOnlyRaiseTheGrade() {
        CorrelatedAlert first = alert("a1", "network-attack/scan", 2, T0);
        JsonObject opened = IncidentDraft.opened("r", "k", first);
        JsonObject investigated = JSON.createObjectBuilder(opened).add("status", "investigating").build();
        CorrelationGroup group = CorrelationGroup.opened("r", "k", "inc", first, T0);

        JsonObject joined = IncidentDraft.joined(investigated, "r", group, alert("a2", "malware", 4,
                T0.minusSeconds(30), new CorrelatedAlert.AffectedAsset("db-01", 2)));

        assertEquals("investigating", joined.getString("status"));
        assertEquals(List.of("a1", "a2"), strings(joined, "relatedAlerts"));
        assertEquals(List.of("db-01"), strings(joined, "affectedAssets"));
        assertEquals("II", joined.getString("grade"));
        assertEquals("malware", joined.getString("category"), "the most severe alert names the kind of incident");
        assertFalse(joined.containsKey("subCategory"), "the old sub-category is not one of the new category");
        assertEquals(T0.minusSeconds(30).toString(), joined.getString("startTime"));

        CorrelationGroup after = group.joined(alert("a2", "malware", 4, T0), T0);
        JsonObject milder = IncidentDraft.joined(joined, "r", after, alert("a3", "network-attack/scan", 1, T0));
        assertEquals("II", milder.getString("grade"), "a milder alert does not lower the grade");
        assertEquals("malware", milder.getString("category"));
        assertThat(milder.getString("description")).startsWith("3 alerts");
    }

    @Test
    void aGroupTakesAlertsWhileEachFollowsTheLastWithinTheWindow() {
        CorrelationGroup group = CorrelationGroup.opened("r", "k", "inc", alert("a1", "malware", 1, T0), T0);

        assertThat(group.stillOpenAt(T0.plusSeconds(60), java.time.Duration.ofSeconds(60))).isTrue();
        assertThat(group.stillOpenAt(T0.plusSeconds(61), java.time.Duration.ofSeconds(60))).isFalse();
        assertThat(group.joined(alert("a2", "malware", 1, T0), T0.plusSeconds(50))
                .stillOpenAt(T0.plusSeconds(100), java.time.Duration.ofSeconds(60))).isTrue();
    }

    private static List<String> strings(JsonObject body, String member) {
        return body.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
