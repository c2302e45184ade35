package org.hutong.information.domain.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hutong.information.domain.syslog.SyslogMessage.HeaderFormat;
import org.junit.jupiter.api.Test;

/** The examples of RFC 5424 §6.5 and RFC 3164 §5.4, and what products send besides. */
class SyslogHeadersTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private final SyslogHeaders headers = new SyslogHeaders(ZoneId.of("Asia/Shanghai"));

    @Test
    void readsRfc5424WithoutStructuredDataAndDropsTheBom() {
        SyslogMessage message = headers.read("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - "
                + "\uFEFF'su root' failed for lonvick on /dev/pts/8", NOW);
        assertEquals(HeaderFormat.RFC5424, message.format());
        assertEquals(4, message.facility());
        assertEquals(2, message.severity());
        assertEquals(Optional.of(OffsetDateTime.parse("2003-10-11T22:14:15.003Z")), message.timestamp());
        assertEquals(Optional.of("mymachine.example.com"), message.hostname());
        assertEquals(Optional.of("su"), message.appName());
        assertEquals(Optional.empty(), message.procId());
        assertEquals(Optional.of("ID47"), message.msgId());
        assertEquals("'su root' failed for lonvick on /dev/pts/8", message.text());
    }

    @Test
    void keepsStructuredDataWithEscapesAndRepeatedParameters() {
        SyslogMessage message = headers.read("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Appli\\\"cation\\]\" eventID=\"1011\" eventID=\"1012\"]"
                + "[examplePriority@32473 class=\"high\"] An application event", NOW);
        assertEquals(Map.of("iut", List.of("3"), "eventSource", List.of("Appli\"cation]"), "eventID", List.of("1011", "1012")),
                message.structuredData().get("exampleSDID@32473"));
        assertEquals(Map.of("class", List.of("high")), message.structuredData().get("examplePriority@32473"));
        assertEquals(List.of("exampleSDID@32473", "examplePriority@32473"), List.copyOf(message.structuredData().keySet()));
        assertEquals("An application event", message.text());
    }

    @Test
    void readsRfc5424WithAnOffsetAndNoMessage() {
        SyslogMessage message = headers.read("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - -", NOW);
        assertEquals(Optional.of("8710"), message.procId());
        assertEquals(Optional.of(OffsetDateTime.parse("2003-08-24T05:14:15.000003-07:00")), message.timestamp());
        assertEquals("", message.text());
    }

    @Test
    void refusesBrokenRfc5424Headers() {
        assertTrue(assertThrows(UnreadableLineException.class, () -> headers.read("<34>1 yesterday host su - ID47 - x", NOW))
                .getMessage().contains("RFC 3339"));
        assertTrue(assertThrows(UnreadableLineException.class,
                () -> headers.read("<34>1 2003-10-11T22:14:15Z host su - ID47 [a b=\"c] x", NOW))
                .getMessage().contains("not closed"));
        assertTrue(assertThrows(UnreadableLineException.class, () -> headers.read("<34>2 2003-10-11T22:14:15Z h a - - - x", NOW))
                .getMessage().contains("version 2"));
    }

    @Test
    void refusesLinesWithoutAPriority() {
        assertThrows(UnreadableLineException.class, () -> headers.read("Oct 11 22:14:15 mymachine su: hi", NOW));
        assertThrows(UnreadableLineException.class, () -> headers.read("<192>Oct 11 22:14:15 mymachine su: hi", NOW));
        assertThrows(UnreadableLineException.class, () -> headers.read("<034>Oct 11 22:14:15 mymachine su: hi", NOW));
        assertThrows(UnreadableLineException.class, () -> headers.read("<>hi", NOW));
    }

    @Test
    void readsRfc3164InTheConfiguredZoneAndTheYearBeforeItsArrival() {
        SyslogMessage message = headers.read("<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed", NOW);
        assertEquals(HeaderFormat.RFC3164, message.format());
        assertEquals(Optional.of(OffsetDateTime.parse("2026-10-11T22:14:15+08:00")), message.timestamp());
        assertEquals(Optional.of("mymachine"), message.hostname());
        assertEquals(Optional.of("su"), message.appName());
        assertEquals(Optional.of("123"), message.procId());
        assertEquals("'su root' failed", message.text());

        SyslogMessage lastYear = headers.read("<34>Dec 31 23:59:59 host app: x", Instant.parse("2027-01-01T00:00:10Z"));
        assertEquals(Optional.of(OffsetDateTime.parse("2026-12-31T23:59:59+08:00")), lastYear.timestamp());
    }

    @Test
    void readsRfc3164VariantsProductsSend() {
        SyslogMessage padded = headers.read("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!", NOW);
        assertEquals(Optional.of(OffsetDateTime.parse("2026-02-05T17:32:18+08:00")), padded.timestamp());
        assertEquals(Optional.of("10.0.0.99"), padded.hostname());
        assertEquals(Optional.empty(), padded.appName());
        assertEquals("Use the BFG!", padded.text());

        SyslogMessage cef = headers.read("<134>Dec  5 15:30:00 fw01 CEF:0|V|P|1|100|n|5|src=10.0.0.1", NOW);
        assertEquals(Optional.of("fw01"), cef.hostname());
        assertEquals("CEF:0|V|P|1|100|n|5|src=10.0.0.1", cef.text());

        SyslogMessage rfc3339 = headers.read("<134>2026-12-05T15:30:00.123+08:00 fw01 ids: LEEF:1.0|V|P|1|7|", NOW);
        assertEquals(Optional.of(OffsetDateTime.parse("2026-12-05T15:30:00.123+08:00")), rfc3339.timestamp());
        assertEquals(Optional.of("ids"), rfc3339.appName());
        assertEquals("LEEF:1.0|V|P|1|7|", rfc3339.text());

        SyslogMessage bare = headers.read("<14>CEF:0|V|P|1|100|n|5|", NOW);
        assertEquals(Optional.empty(), bare.timestamp());
        assertEquals("CEF:0|V|P|1|100|n|5|", bare.text());
    }
}
