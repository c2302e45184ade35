package org.hutong.function.infrastructure.playbook;

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
import org.hutong.function.application.playbook.PlaybookStore;

/** Playbooks, versions, runs and step rows in PostgreSQL (V12). */
@ApplicationScoped
public class PlaybookTables implements PlaybookStore {

    private static final String CURRENT = "SELECT p.playbook_id, p.version, p.name, p.updated_at, p.updated_by, v.document"
            + " FROM playbook p JOIN playbook_version v ON v.playbook_id = p.playbook_id AND v.version = p.version";
    private static final String RUN_COLUMNS = "run_id, playbook_id, playbook_version, status, variables, started_at,"
            + " started_by, finished_at, reason";
    private static final String STEP_COLUMNS = "s.run_id, s.step_id, s.parent_step_id, s.status, s.due_at, s.started_at,"
            + " s.finished_at, s.deadline, s.invocation_id, s.branches_open, s.detail, s.decided_by";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public int save(String id, String name, String document, Instant at, String by) {
        try {
            // Versions are never reused, not even after a delete: runs and caches name them.
            try (PreparedStatement lock = connection().prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "playbook:" + id);
                lock.execute();
            }
            int version;
            try (PreparedStatement select = connection().prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM playbook_version WHERE playbook_id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    version = row.getInt(1);
                }
            }
            try (PreparedStatement insert = connection().prepareStatement("INSERT INTO playbook_version (playbook_id,"
                    + " version, document, created_at, created_by) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setInt(2, version);
                insert.setString(3, document);
                insert.setTimestamp(4, Timestamp.from(at));
                insert.setString(5, by);
                insert.executeUpdate();
            }
            try (PreparedStatement upsert = connection().prepareStatement("INSERT INTO playbook (playbook_id, version,"
                    + " name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (playbook_id) DO UPDATE SET"
                    + " version = EXCLUDED.version, name = EXCLUDED.name, updated_at = EXCLUDED.updated_at,"
                    + " updated_by = EXCLUDED.updated_by")) {
                upsert.setString(1, id);
                upsert.setInt(2, version);
                upsert.setString(3, name);
                upsert.setTimestamp(4, Timestamp.from(at));
                upsert.setString(5, by);
                upsert.executeUpdate();
            }
            return version;
        } catch (SQLException e) {
            throw failure("store a playbook", e);
        }
    }

    @Override
    public Optional<StoredPlaybook> find(String id) {
        return playbooks(CURRENT + " WHERE p.playbook_id = ?", id).stream().findFirst();
    }

    @Override
    public List<StoredPlaybook> all() {
        return playbooks(CURRENT + " ORDER BY p.playbook_id", null);
    }

    private List<StoredPlaybook> playbooks(String sql, String id) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            if (id != null) {
                select.setString(1, id);
            }
            List<StoredPlaybook> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredPlaybook(rows.getString(1), rows.getInt(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getString(6)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read playbooks", e);
        }
    }

    @Override
    public Optional<StoredVersion> version(String id, int version) {
        return versions("SELECT version, document, created_at, created_by FROM playbook_version"
                + " WHERE playbook_id = ? AND version = " + version, id).stream().findFirst();
    }

    @Override
    public List<StoredVersion> versions(String id) {
        return versions("SELECT version, document, created_at, created_by FROM playbook_version"
                + " WHERE playbook_id = ? ORDER BY version DESC", id);
    }

    private List<StoredVersion> versions(String sql, String id) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            select.setString(1, id);
            List<StoredVersion> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredVersion(rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            rows.getString(4)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read playbook versions", e);
        }
    }

    @Override
    public boolean delete(String id) {
        // The versions stay: runs that are still going, and the history of finished ones, name them.
        try (PreparedStatement delete = connection().prepareStatement("DELETE FROM playbook WHERE playbook_id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete a playbook", e);
        }
    }

    @Override
    public void addRun(Run run) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO playbook_run (" + RUN_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, run.id());
            insert.setString(2, run.playbookId());
            insert.setInt(3, run.playbookVersion());
            setRun(insert, run, 4);
            insert.setTimestamp(6, Timestamp.from(run.startedAt()));
            insert.setString(7, run.startedBy());
            insert.setTimestamp(8, run.finishedAt().map(Timestamp::from).orElse(null));
            insert.setString(9, run.reason().orElse(null));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("start a playbook run", e);
        }
    }

    private static void setRun(PreparedStatement statement, Run run, int from) throws SQLException {
        statement.setString(from, run.status());
        statement.setString(from + 1, run.variables());
    }

    @Override
    public Optional<Run> run(String runId) {
        return runs("SELECT " + RUN_COLUMNS + " FROM playbook_run WHERE run_id = ?", List.of(runId)).stream().findFirst();
    }

    @Override
    public Optional<Run> lockRun(String runId) {
        return runs("SELECT " + RUN_COLUMNS + " FROM playbook_run WHERE run_id = ? FOR UPDATE", List.of(runId)).stream()
                .findFirst();
    }

    @Override
    public void updateRun(Run run) {
        try (PreparedStatement update = connection().prepareStatement("UPDATE playbook_run SET status = ?, variables = ?,"
                + " finished_at = ?, reason = ? WHERE run_id = ?")) {
            setRun(update, run, 1);
            update.setTimestamp(3, run.finishedAt().map(Timestamp::from).orElse(null));
            update.setString(4, run.reason().map(PlaybookTables::fit).orElse(null));
            update.setString(5, run.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("update a playbook run", e);
        }
    }

    @Override
    public List<Run> runs(Optional<String> playbookId, Optional<String> status, int limit) {
        List<String> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM playbook_run WHERE TRUE");
        playbookId.ifPresent(id -> {
            sql.append(" AND playbook_id = ?");
            parameters.add(id);
        });
        status.ifPresent(wanted -> {
            sql.append(" AND status = ?");
            parameters.add(wanted);
        });
        sql.append(" ORDER BY started_at DESC, run_id LIMIT ").append(Math.max(1, limit));
        return runs(sql.toString(), parameters);
    }

    private List<Run> runs(String sql, List<String> parameters) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<Run> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Run(rows.getString(1).trim(), rows.getString(2), rows.getInt(3), rows.getString(4),
                            rows.getString(5), rows.getTimestamp(6).toInstant(), rows.getString(7),
                            instant(rows.getTimestamp(8)), Optional.ofNullable(rows.getString(9))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read playbook runs", e);
        }
    }

    @Override
    public List<StepRow> steps(String runId) {
        return stepRows("SELECT " + STEP_COLUMNS + " FROM playbook_step_run s WHERE s.run_id = ?"
                + " ORDER BY s.due_at, s.step_id", List.of(runId), null);
    }

    @Override
    public Optional<StepRow> step(String runId, String stepId) {
        return stepRows("SELECT " + STEP_COLUMNS + " FROM playbook_step_run s WHERE s.run_id = ? AND s.step_id = ?",
                List.of(runId, stepId), null).stream().findFirst();
    }

    @Override
    public boolean addStep(StepRow row) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO playbook_step_run (run_id, step_id,"
                + " parent_step_id, status, due_at, started_at, finished_at, deadline, invocation_id, branches_open,"
                + " detail, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, row.runId());
            insert.setString(2, row.stepId());
            insert.setString(3, row.parentStepId().orElse(null));
            setStep(insert, row, 4);
            return insert.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("add a playbook step", e);
        }
    }

    @Override
    public void updateStep(StepRow row) {
        try (PreparedStatement update = connection().prepareStatement("UPDATE playbook_step_run SET status = ?,"
                + " due_at = ?, started_at = ?, finished_at = ?, deadline = ?, invocation_id = ?, branches_open = ?,"
                + " detail = ?, decided_by = ? WHERE run_id = ? AND step_id = ?")) {
            setStep(update, row, 1);
            update.setString(10, row.runId());
            update.setString(11, row.stepId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("update a playbook step", e);
        }
    }

    private static void setStep(PreparedStatement statement, StepRow row, int from) throws SQLException {
        statement.setString(from, row.status());
        statement.setTimestamp(from + 1, Timestamp.from(row.dueAt()));
        statement.setTimestamp(from + 2, row.startedAt().map(Timestamp::from).orElse(null));
        statement.setTimestamp(from + 3, row.finishedAt().map(Timestamp::from).orElse(null));
        statement.setTimestamp(from + 4, row.deadline().map(Timestamp::from).orElse(null));
        statement.setString(from + 5, row.invocationId().orElse(null));
        statement.setInt(from + 6, row.branchesOpen());
        statement.setString(from + 7, row.detail().map(PlaybookTables::fit).orElse(null));
        statement.setString(from + 8, row.decidedBy().orElse(null));
    }

    @Override
    public List<StepRow> actionable(Instant now, int limit) {
        return stepRows("SELECT " + STEP_COLUMNS + " FROM playbook_step_run s JOIN playbook_run r ON r.run_id = s.run_id"
                + " WHERE r.status = 'ongoing' AND ((s.status = 'ready' AND s.due_at <= ?)"
                // Only invocations that ended: steps waiting on running ones must not crowd out the rest.
                + " OR (s.status = 'ongoing' AND s.invocation_id IS NOT NULL AND EXISTS (SELECT 1 FROM invocation i"
                + " WHERE i.invocation_id = s.invocation_id AND i.status <> 'RUNNING'))"
                + " OR (s.status = 'await_user_input' AND s.deadline <= ?))"
                + " ORDER BY s.due_at LIMIT " + Math.max(1, limit), List.of(), now);
    }

    private List<StepRow> stepRows(String sql, List<String> parameters, Instant now) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            int index = 1;
            if (now != null) {
                select.setTimestamp(index++, Timestamp.from(now));
                select.setTimestamp(index++, Timestamp.from(now));
            }
            for (String parameter : parameters) {
                select.setString(index++, parameter);
            }
            List<StepRow> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StepRow(rows.getString(1).trim(), rows.getString(2),
                            Optional.ofNullable(rows.getString(3)), rows.getString(4), rows.getTimestamp(5).toInstant(),
                            instant(rows.getTimestamp(6)), instant(rows.getTimestamp(7)), instant(rows.getTimestamp(8)),
                            Optional.ofNullable(rows.getString(9)), rows.getInt(10), Optional.ofNullable(rows.getString(11)),
                            Optional.ofNullable(rows.getString(12))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read playbook steps", e);
        }
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    private static String fit(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }

    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }
}
