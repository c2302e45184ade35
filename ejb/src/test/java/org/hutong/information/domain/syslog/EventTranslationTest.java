package org.hutong.information.domain.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.hutong.shared.domain.InformationType;
import org.junit.jupiter.api.Test;

class EventTranslationTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private final SyslogHeaders headers = new SyslogHeaders(ZoneOffset.UTC);

    private EventTranslation.Translation translate(String line, EventMapping mapping) {
        SyslogMessage message = headers.read(line, NOW);
        VendorEvent event = message.text().startsWith("CEF:") ? CefFormat.read(message.text())
                : LeefFormat.read(message.text());
        return EventTranslation.translate(message, event, mapping, line);
    }

    @Test
    void mapsACefEventToAnAlertKeepingEverythingInTheExtension() {
        String line = "<134>1 2026-12-05T07:59:58Z fw01 ngfw - - [meta@32473 zone=\"dmz\"] "
                + "CEF:0|Acme|NGFW|9.1|tcp-portscan|TCP port scan detected|7|src=203.0.113.9 spt=51000 "
                + "dst=10.1.2.3 dpt=22 smac=00:11:22:33:44:55 proto=TCP cnt=12 msg=Scan of 12 ports act=blocked";
        EventTranslation.Translation translation = translate(line, EventMapping.DEFAULT);
        assertEquals(InformationType.ALERT, translation.type());
        JsonObject body = translation.body();
        assertEquals("TCP port scan detected", body.getString("name"));
        assertEquals("network-attack/scan", body.getString("category"), "from the keyword table");
        assertEquals(3, body.getInt("severity"));
        assertEquals("203.0.113.9", body.getJsonObject("source").getString("ip"));
        assertEquals(51000, body.getJsonObject("source").getInt("port"));
        assertEquals("00:11:22:33:44:55", body.getJsonObject("source").getString("mac"));
        assertEquals(22, body.getJsonObject("destination").getInt("port"));
        assertEquals("TCP", body.getString("protocol"));
        assertEquals("tcp-portscan", body.getString("ruleId"));
        assertEquals(12, body.getInt("count"));
        assertEquals("Scan of 12 ports", body.getString("evidence"));
        JsonObject extension = body.getJsonObject("extension");
        assertEquals(line, extension.getString("raw"));
        assertEquals("blocked", extension.getJsonObject("cef").getJsonObject("fields").getString("act"));
        assertEquals("dmz", extension.getJsonObject("syslog").getJsonObject("structuredData")
                .getJsonObject("meta@32473").getJsonArray("zone").getString(0));
        assertEquals(Optional.of(java.time.OffsetDateTime.parse("2026-12-05T07:59:58Z")), translation.occurredAt());
    }

    @Test
    void theProductsTableComesBeforeTheKeywordsAndTheDefaultAfter() {
        EventMapping table = new EventMapping(Map.of("tcp-portscan", "network-attack/apt"), Map.of(),
                Optional.of("other"), true, 2);
        assertEquals("network-attack/apt", translate("<134>CEF:0|A|B|1|tcp-portscan|port scan|5|", table)
                .body().getString("category"));
        assertEquals("other", translate("<134>CEF:0|A|B|1|42|something odd|5|", table).body().getString("category"));
        EventMapping byCat = new EventMapping(Map.of("/Attack/Exfil", "data-security/leakage"), Map.of(),
                Optional.empty(), false, 2);
        assertEquals("data-security/leakage", translate("<134>CEF:0|A|B|1|42|odd|5|cat=/Attack/Exfil", byCat)
                .body().getString("category"));
    }

    @Test
    void anEventNothingPlacesIsRefusedWithTheReason() {
        EventMapping noKeywords = new EventMapping(Map.of(), Map.of(), Optional.empty(), false, 2);
        UnreadableLineException refused = assertThrows(UnreadableLineException.class,
                () -> translate("<134>CEF:0|A|B|1|42|port scan|5|", noKeywords));
        assertTrue(refused.getMessage().contains("no category"), refused.getMessage());
        assertThrows(UnreadableLineException.class, () -> translate("<134>CEF:0|A|B|1|42|all quiet|5|", EventMapping.DEFAULT));
    }

    @Test
    void mapsSeveritiesInArcSightsBands() {
        int[] expected = {1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4};
        for (int level = 0; level <= 10; level++) {
            assertEquals(expected[level], translate("<134>CEF:0|A|B|1|1|scan|" + level + "|", EventMapping.DEFAULT)
                    .body().getInt("severity"), "CEF " + level);
        }
        assertEquals(4, translate("<134>CEF:0|A|B|1|1|scan|Very-High|", EventMapping.DEFAULT).body().getInt("severity"));
        assertEquals(1, translate("<134>CEF:0|A|B|1|1|scan|Low|", EventMapping.DEFAULT).body().getInt("severity"));
        EventMapping unknownIsHigh = new EventMapping(Map.of(), Map.of(), Optional.empty(), true, 3);
        assertEquals(3, translate("<134>CEF:0|A|B|1|1|scan|Unknown|", unknownIsHigh).body().getInt("severity"));
        assertEquals(3, translate("<134>CEF:0|A|B|1|1|scan||", unknownIsHigh).body().getInt("severity"));
        assertEquals(2, translate("<134>LEEF:2.0|A|B|1|scan|^|sev=5", EventMapping.DEFAULT).body().getInt("severity"));
        assertThrows(UnreadableLineException.class, () -> translate("<134>CEF:0|A|B|1|1|scan|11|", EventMapping.DEFAULT));
        assertThrows(UnreadableLineException.class, () -> translate("<134>CEF:0|A|B|1|1|scan|severe|", EventMapping.DEFAULT));
    }

    @Test
    void valuesThatDoNotFitAMemberStayInTheExtensionOnly() {
        JsonObject body = translate("<134>CEF:0|A|B|1|1|scan|5|src=not-an-ip spt=99999 dst=2001:db8::1 dmac=zz",
                EventMapping.DEFAULT).body();
        assertFalse(body.containsKey("source"));
        assertEquals("2001:db8::1", body.getJsonObject("destination").getString("ip"));
        assertFalse(body.getJsonObject("destination").containsKey("mac"));
        assertEquals("not-an-ip", body.getJsonObject("extension").getJsonObject("cef").getJsonObject("fields").getString("src"));
        assertFalse(EventTranslation.isIpLiteral("example.com"));
        assertFalse(EventTranslation.isIpLiteral("256.1.1.1"));
        assertTrue(EventTranslation.isIpLiteral("::ffff:10.0.0.1"));
    }

    @Test
    void aTableActionMakesABehaviour() {
        EventMapping table = new EventMapping(Map.of(), Map.of("4625", "login"), Optional.empty(), true, 2);
        EventTranslation.Translation translation = translate("<134>LEEF:1.0|Microsoft|Windows|10|4625|"
                + "usrName=alice\tsrc=10.0.0.7\toutcome=failure\tdevTime=2026-12-05T07:00:00Z", table);
        assertEquals(InformationType.BEHAVIOR, translation.type());
        JsonObject body = translation.body();
        assertEquals("user", body.getJsonObject("subject").getString("type"));
        assertEquals("alice", body.getJsonObject("subject").getString("name"));
        assertEquals("login", body.getString("action"));
        assertEquals("failure", body.getString("result"));
        assertEquals("2026-12-05T07:00:00Z", body.getString("occurredAt"));
        assertEquals("Windows", body.getString("device"));
        assertEquals("10.0.0.7", body.getJsonObject("source").getString("ip"));
        assertThrows(IllegalArgumentException.class,
                () -> new EventMapping(Map.of(), Map.of("4625", "log-in"), Optional.empty(), true, 2));
    }
}
