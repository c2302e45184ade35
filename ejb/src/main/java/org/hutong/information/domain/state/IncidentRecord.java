package org.hutong.information.domain.state;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An incident (GB/T 20986) and where it stands in its lifecycle. The envelopes of one producer
 * that carry the same {@code incidentId} update one incident; every status change, whether it
 * comes in as information or from a person through the API, must follow {@link IncidentStatus}.
 */
@Entity
@Table(name = "incident_record")
public class IncidentRecord extends StatefulRecord {

    /** producer + incidentId; absent for incidents reported without an id of their own. */
    @Column(name = "identity_key", updatable = false, length = 300)
    private String identityKey;

    @Column(name = "title", nullable = false, length = 512)
    private String title;

    @Column(name = "category", nullable = false, length = 100)
    private String category;

    @Column(name = "sub_category", length = 200)
    private String subCategory;

    @Column(name = "grade", nullable = false, length = 4)
    private String grade;

    @Column(name = "status", nullable = false, length = 32)
    private String status;

    protected IncidentRecord() {
        // for JPA
    }

    private IncidentRecord(String producer, JsonObject body, Instant seen) {
        super(body, seen);
        this.identityKey = producer == null ? null : identityKey(producer, body).orElse(null);
        describe(body);
    }

    /**
     * An incident the hub correlated from alerts: it has no producer's id, and only the hub changes it
     * ({@link #restate}) besides the lifecycle transitions people make.
     */
    public static IncidentRecord correlated(JsonObject body, Instant seen) {
        return new IncidentRecord(null, body, seen);
    }

    /** A newly reported incident; it may start in any status (a product may report it contained). */
    public static IncidentRecord first(String producer, JsonObject body, Instant seen) {
        return new IncidentRecord(producer, body, seen);
    }

    /** The key that makes later envelopes of {@code producer} update the same incident. */
    public static Optional<String> identityKey(String producer, JsonObject body) {
        return Optional.ofNullable(body.getString("incidentId", null)).map(id -> producer + '\n' + id);
    }

    /**
     * The status {@code body} would move the incident to, checked against the lifecycle before
     * anything changes.
     *
     * @throws IllegalTransitionException if the lifecycle does not allow it
     */
    public IncidentStatus checkUpdate(JsonObject body) {
        IncidentStatus next = IncidentStatus.fromCode(body.getString("status", status)).orElse(currentStatus());
        checkTransition(next);
        return next;
    }

    /** Takes in information about this incident, whose status change {@link #checkUpdate} allowed. */
    public void observe(JsonObject body, Instant seen) {
        checkUpdate(body);
        JsonObject state = merged(body);
        replaceState(state, seen);
        describe(state);
    }

    /**
     * The hub replaces what it correlated (more alerts, assets, a higher grade); the status stays
     * whatever the lifecycle made it.
     */
    public void restate(JsonObject state, Instant seen) {
        if (!status.equals(state.getString("status"))) {
            throw new IllegalArgumentException("correlation does not change an incident's status");
        }
        replaceState(state, seen);
        describe(state);
    }

    /** A person moves the incident on in its lifecycle. */
    public void changeStatus(IncidentStatus next, Instant at) {
        checkTransition(next);
        replaceState(JSON.createObjectBuilder(state()).add("status", next.code()).build(), at);
        this.status = next.code();
    }

    private void checkTransition(IncidentStatus next) {
        IncidentStatus current = currentStatus();
        if (next != current && !current.canBecome(next)) {
            throw new IllegalTransitionException(recordId(), current, next);
        }
    }

    private void describe(JsonObject state) {
        this.title = state.getString("title");
        this.category = state.getString("category");
        this.subCategory = state.getString("subCategory", null);
        this.grade = state.getString("grade");
        this.status = state.getString("status");
    }

    @Override
    public RecordKind kind() {
        return RecordKind.INCIDENT;
    }

    public IncidentStatus currentStatus() {
        return IncidentStatus.fromCode(status)
                .orElseThrow(() -> new IllegalStateException("incident " + recordId() + " has the unknown status " + status));
    }

    public String identityKey() {
        return identityKey;
    }

    public String title() {
        return title;
    }

    public String category() {
        return category;
    }

    public Optional<String> subCategory() {
        return Optional.ofNullable(subCategory);
    }

    public String grade() {
        return grade;
    }
}
