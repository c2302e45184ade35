package org.hutong.information.domain.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines written from IBM's LEEF 1.0 and 2.0 specification (QRadar DSM Guide, "LEEF event components"). */
class LeefFormatTest {

    @Test
    void readsLeef1WithTabSeparatedAttributes() {
        VendorEvent event = LeefFormat.read("LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\t"
                + "dst=172.50.123.1\tsev=5\tcat=anomaly\tsrcPort=81\tdstPort=21\tusrName=joe.black");
        assertEquals(VendorEvent.Format.LEEF, event.format());
        assertEquals("1.0", event.formatVersion());
        assertEquals("Microsoft", event.vendor());
        assertEquals("MSExchange", event.product());
        assertEquals("4.0 SP1", event.productVersion());
        assertEquals("15345", event.eventClassId());
        assertEquals(Optional.of("5"), event.severity());
        assertEquals("joe.black", event.fields().get("usrName"));
        assertEquals(7, event.fields().size());
    }

    @Test
    void readsLeef2WithItsDelimiterAsACharacterOrItsHexCode() {
        VendorEvent caret = LeefFormat.read("LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5"
                + "^srcPort=81^dstPort=21^msg=a tab\there");
        assertEquals(Map.of("src", "10.0.1.8", "dst", "10.0.0.5", "sev", "5", "srcPort", "81", "dstPort", "21",
                "msg", "a tab\there"), caret.fields());
        VendorEvent hex = LeefFormat.read("LEEF:2.0|Vendor|Product|Version|EventID|x09|src=10.0.0.1\tusrName=a b");
        assertEquals(Map.of("src", "10.0.0.1", "usrName", "a b"), hex.fields());
        VendorEvent empty = LeefFormat.read("LEEF:2.0|Vendor|Product|Version|EventID||src=10.0.0.1\tsev=2");
        assertEquals(Optional.of("2"), empty.severity());
    }

    @Test
    void keepsEqualsSignsAndEscapedDelimitersInValues() {
        VendorEvent event = LeefFormat.read("LEEF:2.0|V|P|1|7|^|url=http://x/?a=b^msg=one\\^two");
        assertEquals("http://x/?a=b", event.fields().get("url"));
        assertEquals("one^two", event.fields().get("msg"));
    }

    @Test
    void refusesMissingHeaderFieldsAndAttributesWithoutKeys() {
        assertThrows(UnreadableLineException.class, () -> LeefFormat.read("LEEF:1.0|Microsoft|MSExchange"));
        assertThrows(UnreadableLineException.class, () -> LeefFormat.read("LEEF:3.0|V|P|1|7|"));
        assertThrows(UnreadableLineException.class, () -> LeefFormat.read("LEEF:2.0|V|P|1|7|abc|src=1"));
        assertThrows(UnreadableLineException.class, () -> LeefFormat.read("LEEF:1.0|V|P|1|7|src=1\tnonsense"));
    }

    /** rsyslog relays escape the control characters they receive: a tab arrives as "#011". */
    @Test
    void readsTabsAnRsyslogRelayEscaped() {
        VendorEvent event = LeefFormat.read("LEEF:1.0|Acme|IDS|4.1|ET SCAN|src=198.51.100.24#011dst=10.1.2.5#011sev=4");
        assertEquals("10.1.2.5", event.fields().get("dst"));
        assertEquals(Optional.of("4"), event.severity());
        assertEquals(3, event.fields().size());
        // With real tabs present, "#011" is text.
        assertEquals("a#011b", LeefFormat.read("LEEF:1.0|A|B|1|E|msg=a#011b\tsev=2").fields().get("msg"));
    }
}
