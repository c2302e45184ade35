package org.hutong.information.domain.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
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

    /** The one-scan reading agrees with trying every entry on every text, on texts made of the keywords. */
    @Test
    void agreesWithTryingEachEntryInTurn() {
        String[] pieces = {"ransom", "crypto min", "miner", "trojan", "worm", "net", "c2", "c&c", "command and control",
            "virus", "web shell", "phish", "dos", "flood", "brute force", "login fail", "sqli", "xss", "exploit",
            "port-scan", "scan", "probe", "deface", "dns hijack", "exfiltrat", "dlp", "malicious", "vulnerab",
            "non-complian", "anomal", " ", "-", "x", "earth", "S", "\u00e9", "_", "exploi", "t", "rojan", "ran", "som",
            "sca", "n", "flo", "od", "c", "2"};
        Random random = new Random(44886);
        for (int run = 0; run < 20_000; run++) {
            List<String> texts = new ArrayList<>();
            for (int t = random.nextInt(4); t >= 0; t--) {
                StringBuilder text = new StringBuilder();
                for (int p = random.nextInt(6); p >= 0; p--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                texts.add(text.toString());
            }
            assertThat(CategoryKeywords.categoryOf(texts)).as("%s", texts).isEqualTo(entryByEntry(texts));
        }
    }

    private static Optional<String> entryByEntry(List<String> texts) {
        for (CategoryKeywords.Entry entry : CategoryKeywords.ENTRIES) {
            for (String text : texts) {
                if (entry.pattern().matcher(text.toLowerCase(Locale.ROOT)).find()) {
                    return Optional.of(entry.category());
                }
            }
        }
        return Optional.empty();
    }
}
