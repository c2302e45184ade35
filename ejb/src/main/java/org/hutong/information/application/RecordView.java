package org.hutong.information.application;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hutong.information.domain.state.RecordChange;
import org.hutong.information.domain.state.StatefulRecord;

/**
 * A stateful record (asset, vulnerability, incident) as the query interface hands it out.
 *
 * @param id the hub's id of the record: {@code GET /api/v1/<kind>s/{id}}
 * @param kind asset, vulnerability or incident
 * @param version 1 when first stored, one more with every change
 * @param firstSeen when the hub first received information about it
 * @param lastSeen when the hub last received information about it (or it was last changed)
 * @param state the current state: the bodies of its information merged, later members winning
 * @param history every change, oldest first; only when one record is read
 */
@JsonbPropertyOrder({"id", "kind", "version", "firstSeen", "lastSeen", "state", "history"})
public record RecordView(String id, String kind, int version, Instant firstSeen, Instant lastSeen, JsonObject state,
        List<Change> history) {

    /**
     * One change of a record.
     *
     * @param at when it changed
     * @param actor the producer whose information changed it, or the person who did
     * @param information the hub id of that information, when information changed it
     * @param statusFrom an incident's status before, when the status changed
     * @param statusTo an incident's status after, when the status changed (or its first status)
     * @param comment what the person said about the change
     */
    @JsonbPropertyOrder({"at", "actor", "information", "statusFrom", "statusTo", "comment"})
    public record Change(Instant at, String actor, String information, String statusFrom, String statusTo,
            String comment) {

        static Change of(RecordChange change) {
            return new Change(change.changedAt(), change.actor(), change.informationId().orElse(null),
                    change.statusFrom().orElse(null), change.statusTo().orElse(null), change.comment().orElse(null));
        }
    }

    static RecordView of(StatefulRecord record, List<RecordChange> history) {
        return new RecordView(record.recordId(), record.kind().name().toLowerCase(Locale.ROOT),
                record.version(), record.firstSeen(), record.lastSeen(), record.state(),
                history == null ? null : history.stream().map(Change::of).toList());
    }
}
