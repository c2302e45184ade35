package org.hutong.information.application.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;

class SyslogMappingTest {

    private static final Set<String> CATEGORIES = Set.of("other", "network-attack/scan");

    @Test
    void readsADocumentAndWritesItBack() {
        SyslogMapping mapping = SyslogMapping.read("{\"categories\": {\"42\": \"network-attack/scan\"},"
                + " \"actions\": {\"4625\": \"login\"}, \"defaultCategory\": \"other\", \"keywords\": false,"
                + " \"unknownSeverity\": 3, \"charset\": \"GB18030\"}", CATEGORIES::contains);
        assertEquals(Map.of("42", "network-attack/scan"), mapping.events().categories());
        assertEquals(Map.of("4625", "login"), mapping.events().actions());
        assertEquals(Optional.of("other"), mapping.events().defaultCategory());
        assertEquals(false, mapping.events().keywords());
        assertEquals(3, mapping.events().unknownSeverity());
        assertEquals(Charset.forName("GB18030"), mapping.charset());
        assertEquals(mapping, SyslogMapping.read(mapping.toJson().toString(), CATEGORIES::contains));
    }

    @Test
    void namesEveryViolationAtOnce() {
        SyslogMapping.InvalidMappingException invalid = assertThrows(SyslogMapping.InvalidMappingException.class,
                () -> SyslogMapping.read("{\"categories\": {\"a/b\": \"nope\", \"c\": 1}, \"actions\": {\"y\": \"dance\"},"
                        + " \"defaultCategory\": \"nah\", \"keywords\": \"yes\", \"unknownSeverity\": 5,"
                        + " \"charset\": \"klingon\", \"colour\": 1}", CATEGORIES::contains));
        assertEquals(Set.of("/colour", "/categories/c", "/actions/y", "/categories/a~1b", "/defaultCategory",
                "/keywords", "/unknownSeverity", "/charset"),
                Set.copyOf(invalid.violations().stream().map(Violation::pointer).toList()));
        assertThrows(SyslogMapping.InvalidMappingException.class, () -> SyslogMapping.read("[]"));
    }
}
