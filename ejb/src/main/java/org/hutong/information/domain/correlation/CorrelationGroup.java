package org.hutong.information.domain.correlation;

import java.time.Duration;
import java.time.Instant;

/**
 * The alerts of one rule and key that currently join one incident, summed up as correlation needs
 * them: when the last one joined, how many joined, the highest severity and asset importance so far.
 */
public record CorrelationGroup(String ruleId, String key, String incidentRecordId, Instant lastJoinedAt,
        int alertCount, int maxSeverity, int maxImportance) {

    /** The first alert of a key, opening {@code incidentRecordId}. */
    public static CorrelationGroup opened(String ruleId, String key, String incidentRecordId, CorrelatedAlert alert,
            Instant at) {
        return new CorrelationGroup(ruleId, key, incidentRecordId, at, 1, alert.severity(), alert.maxImportance());
    }

    /** Whether an alert received at {@code at} still joins: the last one joined no longer than {@code window} before. */
    public boolean stillOpenAt(Instant at, Duration window) {
        return !lastJoinedAt.isBefore(at.minus(window));
    }

    public CorrelationGroup joined(CorrelatedAlert alert, Instant at) {
        return new CorrelationGroup(ruleId, key, incidentRecordId, at.isAfter(lastJoinedAt) ? at : lastJoinedAt,
                alertCount + 1, Math.max(maxSeverity, alert.severity()), Math.max(maxImportance, alert.maxImportance()));
    }
}
