package org.hutong.information.domain.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines written from the CEF specification (Micro Focus ArcSight, "Implementing ArcSight CEF" 25). */
class CefFormatTest {

    @Test
    void readsTheHeaderAndTheExtension() {
        VendorEvent event = CefFormat.read("CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|"
                + "src=10.0.0.1 dst=2.1.2.2 spt=1232");
        assertEquals(VendorEvent.Format.CEF, event.format());
        assertEquals("0", event.formatVersion());
        assertEquals("Security", event.vendor());
        assertEquals("threatmanager", event.product());
        assertEquals("1.0", event.productVersion());
        assertEquals("100", event.eventClassId());
        assertEquals(Optional.of("worm successfully stopped"), event.name());
        assertEquals(Optional.of("10"), event.severity());
        assertEquals(Map.of("src", "10.0.0.1", "dst", "2.1.2.2", "spt", "1232"), event.fields());
        assertEquals(List.of("src", "dst", "spt"), List.copyOf(event.fields().keySet()));
    }

    @Test
    void unescapesPipesAndBackslashesInTheHeader() {
        VendorEvent event = CefFormat.read("CEF:0|security|threatmanager|1.0|100|detected a \\| in message|10|"
                + "src=10.0.0.1 act=blocked a | dst=1.1.1.1");
        assertEquals(Optional.of("detected a | in message"), event.name());
        assertEquals("blocked a |", event.fields().get("act"));
        VendorEvent backslash = CefFormat.read("CEF:0|security|threatmanager|1.0|100|detected a \\\\ in packet|10|"
                + "src=10.0.0.1 act=blocked a \\\\ dst=1.1.1.1");
        assertEquals(Optional.of("detected a \\ in packet"), backslash.name());
        assertEquals("blocked a \\", backslash.fields().get("act"));
        assertEquals("1.1.1.1", backslash.fields().get("dst"));
    }

    @Test
    void keepsEscapedEqualsSignsMultiWordValuesAndNewlinesInValues() {
        VendorEvent event = CefFormat.read("CEF:0|security|threatmanager|1.0|100|detected a = in message|10|"
                + "src=10.0.0.1 act=blocked a \\= dst=1.1.1.1 msg=Detected a threat.\\n No action needed. "
                + "suser=Alice Smith cs1Label=Policy Name cs1=a=b");
        assertEquals("blocked a =", event.fields().get("act"));
        assertEquals("Detected a threat.\n No action needed.", event.fields().get("msg"));
        assertEquals("Alice Smith", event.fields().get("suser"));
        assertEquals("Policy Name", event.fields().get("cs1Label"));
        assertEquals("a=b", event.fields().get("cs1"), "an unescaped = after a key stays in the value");
    }

    @Test
    void readsAnEmptyExtensionAndEmptyHeaderFields() {
        VendorEvent event = CefFormat.read("CEF:0|V|P|1|100|||");
        assertEquals(Optional.empty(), event.name());
        assertEquals(Optional.empty(), event.severity());
        assertEquals(Map.of(), event.fields());
    }

    @Test
    void refusesAHeaderWithMissingFields() {
        UnreadableLineException missing = assertThrows(UnreadableLineException.class,
                () -> CefFormat.read("CEF:0|Security|threatmanager|1.0|100|worm stopped"));
        assertTrue(missing.getMessage().contains("6 of its 8 fields"), missing.getMessage());
        assertThrows(UnreadableLineException.class, () -> CefFormat.read("CEF:zero|V|P|1|100|n|5|"));
    }
}
