package org.hutong.function.infrastructure.rule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.exchange.infrastructure.persistence.AdvisoryLocks;
import org.hutong.function.application.rule.RuleStore;
import org.hutong.information.domain.ReceivePosition;

/** Linkage rules, their versions and firings, and the engine's position in PostgreSQL (V10). */
@ApplicationScoped
public class RuleTables implements RuleStore {

    /** One rule engine across servers: the transaction that holds this lock moves the position. */
    static final long ENGINE_LOCK = 0x487574_6f6e67_03L;
    private static final String CURRENT = "SELECT r.rule_id, r.version, r.enabled, r.updated_at, r.updated_by, v.document"
            + " FROM linkage_rule r JOIN linkage_rule_version v ON v.rule_id = r.rule_id AND v.version = r.version";
    private static final String FIRING_COLUMNS = "firing_no, rule_id, rule_version, hub_id, producer, outcome,"
            + " dedupe_key, invocation_id, reason, fired_at, arguments, targets, expires_at, decided_by, decided_at, run_id";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public Optional<StoredRule> find(String id) {
        return rules(CURRENT + " WHERE r.rule_id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<StoredRule> lock(String id) {
        return rules(CURRENT + " WHERE r.rule_id = ? FOR UPDATE OF r", id).stream().findFirst();
    }

    @Override
    public List<StoredRule> all() {
        return rules(CURRENT + " ORDER BY r.rule_id", null);
    }

    @Override
    public List<StoredRule> enabled() {
        return rules(CURRENT + " WHERE r.enabled ORDER BY r.rule_id", null);
    }

    private List<StoredRule> rules(String sql, String id) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            if (id != null) {
                select.setString(1, id);
            }
            List<StoredRule> rules = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rules.add(new StoredRule(rows.getString(1), rows.getInt(2), rows.getBoolean(3),
                            rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getString(6)));
                }
            }
            return rules;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read linkage rules: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredVersion> versions(String id) {
        try (PreparedStatement select = connection().prepareStatement("SELECT version, document, created_at, created_by"
                + " FROM linkage_rule_version WHERE rule_id = ? ORDER BY version DESC")) {
            select.setString(1, id);
            List<StoredVersion> versions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(new StoredVersion(rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            rows.getString(4)));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the versions of rule " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(StoredRule rule, boolean newVersion) {
        Connection connection = connection();
        try {
            if (newVersion) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO linkage_rule_version"
                        + " (rule_id, version, document, created_at, created_by) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, rule.id());
                    insert.setInt(2, rule.version());
                    insert.setString(3, rule.document());
                    insert.setTimestamp(4, Timestamp.from(rule.updatedAt()));
                    insert.setString(5, rule.updatedBy());
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO linkage_rule"
                    + " (rule_id, version, enabled, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (rule_id) DO UPDATE SET version = EXCLUDED.version, enabled = EXCLUDED.enabled,"
                    + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")) {
                upsert.setString(1, rule.id());
                upsert.setInt(2, rule.version());
                upsert.setBoolean(3, rule.enabled());
                upsert.setTimestamp(4, Timestamp.from(rule.updatedAt()));
                upsert.setString(5, rule.updatedBy());
                upsert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store rule " + rule.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String id) {
        try (PreparedStatement delete = connection().prepareStatement("DELETE FROM linkage_rule WHERE rule_id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete rule " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void record(Firing firing) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO linkage_firing (rule_id, rule_version,"
                + " hub_id, producer, outcome, dedupe_key, invocation_id, reason, fired_at, arguments, targets, expires_at,"
                + " run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, firing.ruleId());
            insert.setInt(2, firing.ruleVersion());
            insert.setString(3, firing.hubId());
            insert.setString(4, firing.producer());
            insert.setString(5, firing.outcome());
            insert.setString(6, firing.dedupeKey() == null ? null : truncatedKey(firing.dedupeKey()));
            insert.setString(7, firing.invocationId());
            insert.setString(8, firing.reason() == null ? null : truncated(firing.reason()));
            insert.setTimestamp(9, Timestamp.from(firing.firedAt()));
            insert.setString(10, firing.arguments());
            insert.setString(11, firing.targets());
            insert.setTimestamp(12, firing.expiresAt() == null ? null : Timestamp.from(firing.expiresAt()));
            insert.setString(13, firing.runId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a firing of rule " + firing.ruleId() + ": " + e.getMessage(), e);
        }
    }

    private static String truncated(String reason) {
        return reason.length() <= 2048 ? reason : reason.substring(0, 2045) + "...";
    }

    @Override
    public Optional<Long> actedOn(String ruleId, String dedupeKey, Instant since) {
        try (PreparedStatement select = connection().prepareStatement("SELECT firing_no FROM linkage_firing"
                + " WHERE rule_id = ? AND dedupe_key = ? AND fired_at >= ? AND outcome IN ('invoked', 'awaiting-approval', 'playbook-started')"
                + " ORDER BY firing_no DESC LIMIT 1")) {
            select.setString(1, ruleId);
            select.setString(2, truncatedKey(dedupeKey));
            select.setTimestamp(3, Timestamp.from(since));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the firings of rule " + ruleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int actedSince(String ruleId, Instant since) {
        try (PreparedStatement select = connection().prepareStatement("SELECT count(*) FROM linkage_firing"
                + " WHERE rule_id = ? AND fired_at >= ? AND outcome IN ('invoked', 'awaiting-approval', 'playbook-started')")) {
            select.setString(1, ruleId);
            select.setTimestamp(2, Timestamp.from(since));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the firings of rule " + ruleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Firing> firings(String ruleId, long before, int limit) {
        try (PreparedStatement select = connection().prepareStatement("SELECT " + FIRING_COLUMNS
                + " FROM linkage_firing WHERE rule_id = ? AND (? = 0 OR firing_no < ?) ORDER BY firing_no DESC LIMIT ?")) {
            select.setString(1, ruleId);
            select.setLong(2, before);
            select.setLong(3, before);
            select.setInt(4, limit);
            return firingsOf(select);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the firings of rule " + ruleId + ": " + e.getMessage(), e);
        }
    }

    private static List<Firing> firingsOf(PreparedStatement select) throws SQLException {
        List<Firing> firings = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                firings.add(new Firing(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getTimestamp(10).toInstant(), rows.getString(11), rows.getString(12), instant(rows, 13),
                        rows.getString(14), instant(rows, 15), rows.getString(16) == null ? null : rows.getString(16).trim()));
            }
        }
        return firings;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp at = rows.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    @Override
    public Optional<Firing> lockFiring(String ruleId, long number) {
        try (PreparedStatement select = connection().prepareStatement("SELECT " + FIRING_COLUMNS
                + " FROM linkage_firing WHERE rule_id = ? AND firing_no = ? FOR UPDATE")) {
            select.setString(1, ruleId);
            select.setLong(2, number);
            return firingsOf(select).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read firing " + number + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void decide(long number, String outcome, String invocationId, String reason, String decidedBy,
            Instant decidedAt) {
        try (PreparedStatement update = connection().prepareStatement("UPDATE linkage_firing SET outcome = ?,"
                + " invocation_id = ?, reason = ?, decided_by = ?, decided_at = ? WHERE firing_no = ?")) {
            update.setString(1, outcome);
            update.setString(2, invocationId);
            update.setString(3, reason == null ? null : truncated(reason));
            update.setString(4, decidedBy);
            update.setTimestamp(5, Timestamp.from(decidedAt));
            update.setLong(6, number);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the decision on firing " + number + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int expireWaiting(Instant now) {
        try (PreparedStatement update = connection().prepareStatement("UPDATE linkage_firing SET outcome = 'expired',"
                + " reason = 'nobody approved it before ' || to_char(expires_at, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                + " decided_at = ? WHERE outcome = 'awaiting-approval' AND expires_at <= ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot expire waiting firings: " + e.getMessage(), e);
        }
    }

    @Override
    public int countMatch(String ruleId, String key, String hubId, Instant receivedAt, Instant since) {
        Connection connection = connection();
        try {
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM linkage_match WHERE rule_id = ? AND received_at < ?")) {
                forget.setString(1, ruleId);
                forget.setTimestamp(2, Timestamp.from(since));
                forget.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO linkage_match"
                    + " (rule_id, match_key, hub_id, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, ruleId);
                insert.setString(2, truncatedKey(key));
                insert.setString(3, hubId);
                insert.setTimestamp(4, Timestamp.from(receivedAt));
                insert.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM linkage_match"
                    + " WHERE rule_id = ? AND match_key = ? AND received_at >= ? AND received_at <= ?")) {
                count.setString(1, ruleId);
                count.setString(2, truncatedKey(key));
                count.setTimestamp(3, Timestamp.from(since));
                count.setTimestamp(4, Timestamp.from(receivedAt));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the matches of rule " + ruleId + ": " + e.getMessage(), e);
        }
    }

    private static String truncatedKey(String key) {
        return key.length() <= 1024 ? key : key.substring(0, 1024);
    }

    @Override
    public Optional<ReceivePosition> claimPosition() {
        Connection connection = connection();
        try {
            if (!AdvisoryLocks.tryTransactionLock(connection, ENGINE_LOCK)) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT after_txid, after_sequence FROM linkage_position WHERE engine = 'rules'");
                    ResultSet row = select.executeQuery()) {
                return Optional.of(row.next() ? new ReceivePosition(row.getLong(1), row.getLong(2)) : ReceivePosition.START);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rule engine's position: " + e.getMessage(), e);
        }
    }

    @Override
    public void advance(ReceivePosition after) {
        try (PreparedStatement update = connection().prepareStatement(
                "UPDATE linkage_position SET after_txid = ?, after_sequence = ? WHERE engine = 'rules'")) {
            update.setLong(1, after.transaction());
            update.setLong(2, after.sequence());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move the rule engine's position: " + e.getMessage(), e);
        }
    }

    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }
}
