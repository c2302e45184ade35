package org.hutong.information.domain.syslog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one product's CEF and LEEF events become Hutong information: its mapping table. An event's
 * keys are looked up in order — its class id (CEF Signature ID, LEEF EventID), its {@code cat}
 * field, its name — first in {@code actions} (the event becomes a behaviour with that action), then
 * in {@code categories} (an alert of that GB/T 20986 category); then, unless switched off, the
 * hub's keyword table ({@link CategoryKeywords}); then {@code defaultCategory}. An event none of
 * them places is parked with the reason.
 *
 * @param categories event key → incident-category code
 * @param actions event key → behaviour action
 * @param defaultCategory the category of an alert nothing else places, if any
 * @param keywords whether the hub's keyword table may place an event
 * @param unknownSeverity the alert severity (1..4) of an event whose severity is missing or Unknown
 */
public record EventMapping(Map<String, String> categories, Map<String, String> actions,
        Optional<String> defaultCategory, boolean keywords, int unknownSeverity) {

    /** The behaviour actions of the behaviour schema. */
    public static final Set<String> ACTIONS = Set.of("login", "logout", "process-start", "process-stop",
            "file-access", "file-modify", "file-delete", "network-connection", "dns-query", "privilege-change",
            "other");

    /** The table of a product that has none of its own: keywords only, unknown severity medium. */
    public static final EventMapping DEFAULT = new EventMapping(Map.of(), Map.of(), Optional.empty(), true, 2);

    public EventMapping {
        categories = Map.copyOf(categories);
        actions = Map.copyOf(actions);
        actions.forEach((key, action) -> {
            if (!ACTIONS.contains(action)) {
                throw new IllegalArgumentException("'" + action + "' (for '" + key + "') is not a behaviour action; one of "
                        + ACTIONS.stream().sorted().toList());
            }
        });
        if (unknownSeverity < 1 || unknownSeverity > 4) {
            throw new IllegalArgumentException("unknownSeverity must be 1 to 4");
        }
    }
}
