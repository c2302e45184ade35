package org.hutong.information.domain.state;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a stateful record's history: which information (or which person) changed it,
 * when, and for incidents the status before and after. Append-only.
 */
@Entity
@Table(name = "record_change")
public class RecordChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "change_no")
    private Long number;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_kind", nullable = false, updatable = false, length = 16)
    private RecordKind kind;

    @Column(name = "record_id", nullable = false, updatable = false, length = 36)
    private String recordId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private LocalDateTime changedAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 128)
    private String actor;

    @Column(name = "information_id", updatable = false, length = 36)
    private String informationId;

    @Column(name = "status_from", updatable = false, length = 32)
    private String statusFrom;

    @Column(name = "status_to", updatable = false, length = 32)
    private String statusTo;

    @Column(name = "comment_text", updatable = false, length = 2000)
    private String comment;

    protected RecordChange() {
        // for JPA
    }

    private RecordChange(StatefulRecord record, Instant changedAt, String actor, String informationId,
            String statusFrom, String statusTo, String comment) {
        this.kind = record.kind();
        this.recordId = record.recordId();
        this.changedAt = LocalDateTime.ofInstant(changedAt, ZoneOffset.UTC);
        this.actor = Objects.requireNonNull(actor, "actor");
        this.informationId = informationId;
        this.statusFrom = statusFrom;
        this.statusTo = statusTo;
        this.comment = comment;
    }

    /** The record took in information the hub received from {@code producer}. */
    public static RecordChange observed(StatefulRecord record, Instant at, String producer, String informationHubId,
            String statusFrom, String statusTo) {
        return new RecordChange(record, at, producer, Objects.requireNonNull(informationHubId, "informationHubId"),
                statusFrom, statusTo, null);
    }

    /** A person (or a product acting through the API) changed the record directly. */
    public static RecordChange changedBy(StatefulRecord record, Instant at, String actor, String statusFrom,
            String statusTo, String comment) {
        return new RecordChange(record, at, actor, null, statusFrom, statusTo, comment);
    }

    public RecordKind kind() {
        return kind;
    }

    public String recordId() {
        return recordId;
    }

    public Instant changedAt() {
        return changedAt.toInstant(ZoneOffset.UTC);
    }

    public String actor() {
        return actor;
    }

    /** The hub id of the information that caused the change, when information did. */
    public Optional<String> informationId() {
        return Optional.ofNullable(informationId);
    }

    public Optional<String> statusFrom() {
        return Optional.ofNullable(statusFrom);
    }

    public Optional<String> statusTo() {
        return Optional.ofNullable(statusTo);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }
}
