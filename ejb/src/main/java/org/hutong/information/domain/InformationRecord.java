package org.hutong.information.domain;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.hutong.shared.domain.CanonicalJson;
import org.hutong.shared.domain.InformationType;

/**
 * A piece of information as the hub received and stored it. Append-only: once stored it is
 * never changed. {@code sequence} is the hub's receive order; {@code hubId} is the id the
 * hub's query interface uses.
 */
@Entity
@Table(name = "information_item")
@NamedQuery(name = "InformationRecord.byHubId",
        query = "SELECT r FROM InformationRecord r WHERE r.hubId = :hubId")
@NamedQuery(name = "InformationRecord.byProducerAndIds",
        query = "SELECT r FROM InformationRecord r WHERE r.producer = :producer AND r.envelopeId IN :envelopeIds")
public class InformationRecord {

    /** Receive sequences taken from the database at a time: its {@code INCREMENT BY} (V4). */
    static final int SEQUENCE_BLOCK = 100;

    // Taken in blocks (V4): a batch of records is inserted as one batched statement.
    @Id
    @SequenceGenerator(name = "information_item_seq", sequenceName = "information_item_seq",
            allocationSize = InformationRecord.SEQUENCE_BLOCK)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "information_item_seq")
    @Column(name = "sequence_no")
    private Long sequence;

    // Set by the database (V14 default: the writing transaction's id); read back with the record.
    @Column(name = "write_txid", insertable = false, updatable = false)
    private Long writeTransaction;

    @Column(name = "hub_id", nullable = false, updatable = false, length = 36)
    private String hubId;

    @Column(name = "producer", nullable = false, updatable = false, length = 128)
    private String producer;

    @Column(name = "envelope_id", nullable = false, updatable = false, length = 128)
    private String envelopeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "info_type", nullable = false, updatable = false, length = 16)
    private InformationType type;

    @Column(name = "spec_version", nullable = false, updatable = false, length = 16)
    private String specVersion;

    // UTC wall-clock: persistence 3.1 would store an Instant as serialized bytes.
    @Column(name = "produced_at", nullable = false, updatable = false)
    private LocalDateTime producedAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    private LocalDateTime receivedAt;

    @Column(name = "content_hash", nullable = false, updatable = false, length = 64)
    private String contentHash;

    @Lob
    @Column(name = "body_json", nullable = false, updatable = false)
    private String bodyJson;

    @Column(name = "signature", updatable = false)
    private String signature;

    /** 1 (lowest) .. 4 (highest), where the type has one; see {@link Classification}. */
    @Column(name = "severity", updatable = false)
    private Integer severity;

    @Column(name = "category", updatable = false, length = 200)
    private String category;

    protected InformationRecord() {
        // for JPA
    }

    private InformationRecord(InformationEnvelope envelope, Instant receivedAt) {
        this.hubId = UUID.randomUUID().toString();
        this.producer = envelope.producer();
        this.envelopeId = envelope.id();
        this.type = envelope.type();
        this.specVersion = envelope.specVersion();
        this.producedAt = toUtc(envelope.time());
        this.receivedAt = toUtc(receivedAt);
        this.contentHash = envelope.contentHash();
        this.bodyJson = CanonicalJson.sorted(envelope.body());
        this.signature = envelope.signature().orElse(null);
        Classification classification = Classification.of(envelope.type(), envelope.body());
        this.severity = classification.severity().isPresent() ? classification.severity().getAsInt() : null;
        this.category = classification.category().orElse(null);
    }

    /** A new record of information received now. */
    public static InformationRecord receive(InformationEnvelope envelope, Instant receivedAt) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(receivedAt, "receivedAt");
        return new InformationRecord(envelope, receivedAt);
    }

    /** Whether {@code envelope} carries exactly the content this record was stored with. */
    public boolean sameContentAs(InformationEnvelope envelope) {
        return contentHash.equals(envelope.contentHash());
    }

    public InformationEnvelope envelope() {
        try (JsonReader reader = JSON.createReader(new StringReader(bodyJson))) {
            JsonObject body = reader.readObject();
            return new InformationEnvelope(envelopeId, type, specVersion, producer,
                    producedAt.toInstant(ZoneOffset.UTC), body, Optional.ofNullable(signature));
        }
    }

    /** Receive order; assigned by the database when the record is stored. */
    public Optional<Long> sequence() {
        return Optional.ofNullable(sequence);
    }

    /** Where the record stands in commit order; known once it has been read back from the database. */
    public Optional<ReceivePosition> position() {
        return writeTransaction == null || sequence == null ? Optional.empty()
                : Optional.of(new ReceivePosition(writeTransaction, sequence));
    }

    public String hubId() {
        return hubId;
    }

    public String producer() {
        return producer;
    }

    public String envelopeId() {
        return envelopeId;
    }

    public InformationType type() {
        return type;
    }

    public String specVersion() {
        return specVersion;
    }

    /** When the producer created it. */
    public Instant producedAt() {
        return producedAt.toInstant(ZoneOffset.UTC);
    }

    /** The body as stored: canonical JSON text. */
    public String bodyJson() {
        return bodyJson;
    }

    public Optional<String> signature() {
        return Optional.ofNullable(signature);
    }

    /** 1 (lowest) .. 4 (highest), where its type has one. */
    public OptionalInt severity() {
        return severity == null ? OptionalInt.empty() : OptionalInt.of(severity);
    }

    /** Its GB/T 20986 category path, where its type has one. */
    public Optional<String> category() {
        return Optional.ofNullable(category);
    }

    public Instant receivedAt() {
        return receivedAt.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
