package org.hutong.audit.domain;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit trail. Its hash covers the previous entry's hash and its own content in
 * a canonical form, so editing, deleting or reordering any entry breaks the chain from there on.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    // Computed while the sealer holds the chain's head: no provider look-up per record.
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "audit_no")
    private long number;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private LocalDateTime occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 256)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "target", updatable = false, length = 256)
    private String target;

    @Column(name = "outcome", nullable = false, updatable = false, length = 16)
    private String outcome;

    @Column(name = "detail", updatable = false, length = 4000)
    private String detail;

    @Column(name = "algorithm", nullable = false, updatable = false, length = 16)
    private String algorithm;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(name = "record_hash", nullable = false, updatable = false, length = 64)
    private String hash;

    @Column(name = "entry_id", updatable = false, length = 36)
    private String entryId;

    protected AuditRecord() {
        // for JPA
    }

    /**
     * The record that seals {@code entry} after the one numbered {@code previousNumber} with hash
     * {@code previousHash}, linked by an HMAC under {@code key}.
     */
    public AuditRecord(long previousNumber, String previousHash, UnsealedEntry entry, HashAlgorithm algorithm,
            AuditKey key) {
        this(previousNumber, previousHash, entry.entry(), entry.at(), algorithm, key);
        this.entryId = entry.entryId();
    }

    /**
     * The record that follows the one numbered {@code previousNumber} with hash {@code previousHash},
     * linked by an HMAC under {@code key}.
     */
    public AuditRecord(long previousNumber, String previousHash, AuditEntry entry, Instant at, HashAlgorithm algorithm,
            AuditKey key) {
        this.number = previousNumber + 1;
        this.occurredAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        this.actor = truncate(Objects.requireNonNull(entry.actor(), "actor"), 256);
        this.action = truncate(Objects.requireNonNull(entry.action(), "action"), 64);
        this.target = entry.target() == null ? null : truncate(entry.target(), 256);
        this.outcome = truncate(Objects.requireNonNull(entry.outcome(), "outcome"), 16);
        this.detail = entry.detail() == null ? null : truncate(entry.detail(), 4000);
        this.algorithm = algorithm.keyedLabel();
        this.previousHash = Objects.requireNonNull(previousHash, "previousHash");
        this.hash = computedHash(key).orElseThrow();
    }

    /**
     * What the hash must be, recomputed from the stored content under {@code key}; empty when the
     * record is not sealed with a key (a plain hash anyone could recompute).
     */
    public Optional<String> computedHash(AuditKey key) {
        return HashAlgorithm.fromKeyedLabel(algorithm).map(keyed -> keyed.hmac(key, previousHash + "\n" + canonical()));
    }

    /** The content the hash covers, as JSON with a fixed member order. */
    String canonical() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("no", number)
                .add("at", occurredAt().toString())
                .add("actor", actor)
                .add("action", action)
                .add("outcome", outcome)
                .add("algorithm", algorithm);
        if (target != null) {
            json.add("target", target);
        }
        if (detail != null) {
            json.add("detail", detail);
        }
        return json.build().toString();
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    public long number() {
        return number;
    }

    public Instant occurredAt() {
        return occurredAt.toInstant(ZoneOffset.UTC);
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    public String outcome() {
        return outcome;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public String algorithm() {
        return algorithm;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    /** The unsealed entry this record sealed; empty for records sealed before entries existed. */
    public Optional<String> entryId() {
        return Optional.ofNullable(entryId);
    }
}
