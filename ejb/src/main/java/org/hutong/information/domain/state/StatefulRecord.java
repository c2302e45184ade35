package org.hutong.information.domain.state;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.hutong.shared.domain.CanonicalJson;

/**
 * What every stateful record has: the hub's id, the current state (the merged bodies of the
 * information about it), when it was first and last seen, and a version that both orders its
 * history and guards concurrent updates (optimistic locking).
 */
@MappedSuperclass
public abstract class StatefulRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "record_no")
    private Long number;

    @Column(name = "record_id", nullable = false, updatable = false, length = 36)
    private String recordId;

    @Lob
    @Column(name = "state_json", nullable = false)
    private String stateJson;

    @Column(name = "first_seen", nullable = false, updatable = false)
    private LocalDateTime firstSeen;

    @Column(name = "last_seen", nullable = false)
    private LocalDateTime lastSeen;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected StatefulRecord() {
        // for JPA
    }

    protected StatefulRecord(JsonObject state, Instant seen) {
        this.recordId = UUID.randomUUID().toString();
        this.stateJson = CanonicalJson.sorted(state);
        this.firstSeen = toUtc(seen);
        this.lastSeen = toUtc(seen);
    }

    public abstract RecordKind kind();

    /** Ordering key for paging; assigned by the database when the record is first stored. */
    public Optional<Long> number() {
        return Optional.ofNullable(number);
    }

    /** The hub's id of this record, used by the query interface. */
    public String recordId() {
        return recordId;
    }

    public JsonObject state() {
        try (JsonReader reader = JSON.createReader(new StringReader(stateJson))) {
            return reader.readObject();
        }
    }

    public Instant firstSeen() {
        return firstSeen.toInstant(ZoneOffset.UTC);
    }

    public Instant lastSeen() {
        return lastSeen.toInstant(ZoneOffset.UTC);
    }

    /** 1 when first stored, one more with every change the transaction commits. */
    public int version() {
        return version;
    }

    /**
     * The state after {@code body} was observed: the members it has replace those of the current
     * state, members it leaves out keep their value, since a product reports what it sees, not
     * everything known.
     */
    protected JsonObject merged(JsonObject body) {
        JsonObjectBuilder state = JSON.createObjectBuilder(state());
        body.forEach(state::add);
        return state.build();
    }

    protected void replaceState(JsonObject state, Instant seen) {
        this.stateJson = CanonicalJson.sorted(state);
        LocalDateTime at = toUtc(seen);
        if (at.isAfter(lastSeen)) {
            lastSeen = at;
        }
    }

    protected static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
