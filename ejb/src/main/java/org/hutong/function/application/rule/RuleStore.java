package org.hutong.function.application.rule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.ReceivePosition;

/** Where rules, their versions, their firings and the engine's position are kept (port). */
public interface RuleStore {

    /** A rule's current state and the document of its current version. */
    record StoredRule(String id, int version, boolean enabled, Instant updatedAt, String updatedBy, String document) {
    }

    /** One version of a rule, as it was written. */
    record StoredVersion(int version, String document, Instant createdAt, String createdBy) {
    }

    /**
     * One time a rule's trigger matched, and what became of it; a firing awaiting approval keeps the
     * invocation's arguments (JSON) and targets (JSON array) until it is decided or expires; a firing that
     * started a playbook keeps the run's id.
     */
    record Firing(long number, String ruleId, int ruleVersion, String hubId, String producer, String outcome,
            String dedupeKey, String invocationId, String reason, Instant firedAt, String arguments, String targets,
            Instant expiresAt, String decidedBy, Instant decidedAt, String runId) {

        static Firing of(String ruleId, int ruleVersion, String hubId, String producer, String outcome, String dedupeKey,
                String invocationId, String reason, Instant firedAt) {
            return new Firing(0, ruleId, ruleVersion, hubId, producer, outcome, dedupeKey, invocationId, reason, firedAt,
                    null, null, null, null, null, null);
        }

        /** A firing that started a playbook run. */
        static Firing started(String ruleId, int ruleVersion, String hubId, String producer, String dedupeKey,
                String runId, String reason, Instant firedAt) {
            return new Firing(0, ruleId, ruleVersion, hubId, producer, FiringOutcome.PLAYBOOK_STARTED.wireName(),
                    dedupeKey, null, reason, firedAt, null, null, null, null, null, runId);
        }
    }

    Optional<StoredRule> find(String id);

    /** The rule, its row locked until the transaction ends. */
    Optional<StoredRule> lock(String id);

    List<StoredRule> all();

    List<StoredRule> enabled();

    List<StoredVersion> versions(String id);

    /** Stores a new rule, or a new current version of one, with its document. */
    void save(StoredRule rule, boolean newVersion);

    boolean delete(String id);

    void record(Firing firing);

    /** The firing, locked until the transaction ends. */
    Optional<Firing> lockFiring(String ruleId, long number);

    /** Records the decision on a waiting firing: its outcome, invocation, reason, who and when. */
    void decide(long number, String outcome, String invocationId, String reason, String decidedBy, Instant decidedAt);

    /** Every firing still awaiting approval at {@code now} whose time is up becomes expired; how many. */
    int expireWaiting(Instant now);

    /**
     * Counts a match of a counting trigger and forgets those of the rule older than {@code since};
     * returns how many matches of {@code key} were received at or after {@code since}, this one included.
     */
    int countMatch(String ruleId, String key, String hubId, Instant receivedAt, Instant since);

    /** The firing of {@code ruleId} that acted on {@code dedupeKey} at or after {@code since}, if any. */
    Optional<Long> actedOn(String ruleId, String dedupeKey, Instant since);

    /** How many firings of {@code ruleId} acted at or after {@code since}. */
    int actedSince(String ruleId, Instant since);

    /** Newest first, numbered below {@code before} (0: from the newest). */
    List<Firing> firings(String ruleId, long before, int limit);

    /**
     * The engine's position with the right to move it for this transaction (one engine across
     * servers); empty while another holds it.
     */
    Optional<ReceivePosition> claimPosition();

    /** Moves the position past {@code after} (commit order of stored information). */
    void advance(ReceivePosition after);
}
