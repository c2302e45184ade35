package org.hutong.information.application.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.correlation.CorrelationGroup;

/** Correlation groups and the alert–incident links (V11). */
public interface CorrelationStore {

    /** A link between an alert (its hub id) and an incident (its record id), and the rule that made it. */
    record Link(String incidentId, String alertId, Instant joinedAt, String ruleId) {
    }

    Optional<CorrelationGroup> find(String ruleId, String key);

    /** Inserts the group or replaces the one of its rule and key. */
    void save(CorrelationGroup group);

    void link(Link link);

    /** The alerts of an incident, in the order they joined. */
    List<Link> alertsOf(String incidentId, int limit);

    /** The incidents an alert joined. */
    List<Link> incidentsOf(String alertId);
}
