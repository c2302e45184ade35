package org.hutong.audit.domain;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An audit entry as the transaction that decided it appends it: not yet numbered nor chained, but
 * already sealed on its own by an HMAC under the audit key over its id and content, so that an
 * entry written or edited in the database by anyone without the key is told apart until the
 * sealer chains it.
 *
 * @param entryId a random id, unique among entries, covered by the HMAC (a copied row is a repeat)
 * @param entry what is recorded, cut to the lengths the trail keeps
 * @param at when, to the microsecond
 * @param algorithm the keyed label of the HMAC, e.g. {@code HMAC-SHA-256}
 * @param hash the HMAC, lower-case hex
 */
public record UnsealedEntry(String entryId, AuditEntry entry, Instant at, String algorithm, String hash) {

    private static final JsonProvider JSON = JsonProvider.provider();

    public UnsealedEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hash, "hash");
    }

    /** A new entry for {@code entry}, which happened {@code at}, sealed with {@code algorithm} under {@code key}. */
    public static UnsealedEntry of(AuditEntry entry, Instant at, HashAlgorithm algorithm, AuditKey key) {
        AuditEntry kept = new AuditEntry(cut(Objects.requireNonNull(entry.actor(), "actor"), 256),
                cut(Objects.requireNonNull(entry.action(), "action"), 64), cut(entry.target(), 256),
                cut(Objects.requireNonNull(entry.outcome(), "outcome"), 16), cut(entry.detail(), 4000));
        String id = UUID.randomUUID().toString();
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return new UnsealedEntry(id, kept, when, algorithm.keyedLabel(),
                algorithm.hmac(key, canonical(id, kept, when, algorithm.keyedLabel())));
    }

    /** Whether its HMAC is the one of its content under {@code key} (false for a plain or unknown label). */
    public boolean holds(AuditKey key) {
        return HashAlgorithm.fromKeyedLabel(algorithm)
                .map(keyed -> keyed.hmac(key, canonical(entryId, entry, at, algorithm)).equals(hash))
                .orElse(false);
    }

    /** What the HMAC covers: JSON with a fixed member order, prefixed so it can never pass for a chain link. */
    private static String canonical(String id, AuditEntry entry, Instant at, String algorithm) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("entry", id)
                .add("at", at.toString())
                .add("actor", entry.actor())
                .add("action", entry.action())
                .add("outcome", entry.outcome())
                .add("algorithm", algorithm);
        if (entry.target() != null) {
            json.add("target", entry.target());
        }
        if (entry.detail() != null) {
            json.add("detail", entry.detail());
        }
        return "unsealed\n" + json.build();
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
