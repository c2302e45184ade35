package org.hutong.information.domain.syslog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hub's built-in reading of common event words as GB/T 20986 categories, for products whose
 * table does not place an event. The first entry whose pattern occurs in the event's class id,
 * {@code cat} or name (case ignored) decides; more specific words come first. The README lists them.
 */
public final class CategoryKeywords {

    /** One entry: a pattern and the category it means. */
    public record Entry(Pattern pattern, String category) {

        Entry(String regex, String category) {
            this(Pattern.compile(regex), category);
        }
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("ransom", "malware/ransomware"),
            new Entry("crypto ?min|coin ?min|miner\\b", "malware/cryptomining"),
            new Entry("trojan", "malware/trojan"),
            new Entry("\\bworm", "malware/worm"),
            new Entry("botnet|\\bc2\\b|c&c|command.and.control", "malware/botnet"),
            new Entry("virus", "malware/computer-virus"),
            new Entry("webshell|web shell|backdoor", "network-attack/backdoor-use"),
            new Entry("phish", "network-attack/phishing"),
            new Entry("ddos|\\bdos\\b|denial.of.service|flood", "network-attack/denial-of-service"),
            new Entry("brute.?force|password.guess|credential|login fail|failed login|authentication fail",
                    "network-attack/credential-attack"),
            new Entry("sql.?injection|\\bsqli\\b|\\bxss\\b|cross.site|exploit|overflow|\\brce\\b|command injection",
                    "network-attack/exploit"),
            new Entry("port.?scan|\\bscan|probe|sweep|recon", "network-attack/scan"),
            new Entry("deface", "network-attack/web-defacement"),
            new Entry("dns.?(hijack|spoof)", "network-attack/domain-hijack"),
            new Entry("exfiltrat|data.?leak|\\bdlp\\b", "data-security/leakage"),
            new Entry("malware|malicious", "malware/other"),
            new Entry("vulnerab", "latent-risk/vulnerability"),
            new Entry("policy.?violation|non.?complian", "latent-risk/configuration-noncompliance"),
            new Entry("anomal", "anomalous-behavior/other"));

    private CategoryKeywords() {
    }

    /** The category the first matching entry gives any of the texts, in the texts' order of importance. */
    public static Optional<String> categoryOf(List<String> texts) {
        for (Entry entry : ENTRIES) {
            for (String text : texts) {
                if (entry.pattern().matcher(text.toLowerCase(Locale.ROOT)).find()) {
                    return Optional.of(entry.category());
                }
            }
        }
        return Optional.empty();
    }
}
