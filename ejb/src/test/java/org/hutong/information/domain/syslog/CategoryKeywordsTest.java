package org.hutong.information.domain.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryKeywordsTest {

    @Test
    void anEarlierEntryWinsOverAnEarlierText() {
        assertThat(CategoryKeywords.categoryOf(List.of("tcp-portscan", "Ransomware beacon")))
                .contains("malware/ransomware");
    }

    @Test
    void anEarlierEntryLaterInTheTextWins() {
        assertThat(CategoryKeywords.categoryOf(List.of("port scan then C2 callback"))).contains("malware/botnet");
    }

    @Test
    void anEarlierEntryStartingInsideALaterEntrysMatchWins() {
        // "exploit" (a later entry) ends at the "t" that starts "trojan".
        assertThat(CategoryKeywords.categoryOf(List.of("exploitrojan"))).contains("malware/trojan");
    }

    @Test
    void wordBoundariesAndCaseHold() {
        assertThat(CategoryKeywords.categoryOf(List.of("EarthWorm sighting"))).isEmpty();
        assertThat(CategoryKeywords.categoryOf(List.of("Network WORM spreading"))).contains("malware/worm");
        assertThat(CategoryKeywords.categoryOf(List.of("DNS spoofing"))).contains("network-attack/domain-hijack");
        assertThat(CategoryKeywords.categoryOf(List.of("nothing to see", ""))).isEmpty();
    }
}
