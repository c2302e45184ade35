package org.hutong.information.infrastructure.persistence;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.information.application.syslog.DeadLetter;
import org.hutong.information.application.syslog.SyslogDeadLetters;
import org.hutong.information.application.syslog.SyslogLine;
import org.hutong.information.application.syslog.SyslogMapping;
import org.hutong.information.application.syslog.SyslogMappings;
import org.hutong.shared.domain.Violation;

/** The syslog dead letters and mapping documents in PostgreSQL, on the persistence context's connection. */
@ApplicationScoped
public class SyslogTables implements SyslogDeadLetters, SyslogMappings {

    private static final String PARK = "INSERT INTO syslog_dead_letter"
            + " (received_at, transport, peer, product_id, reason, violations, line) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String PAGE = "SELECT letter_no, received_at, transport, peer, product_id, reason, violations,"
            + " line FROM syslog_dead_letter WHERE letter_no > ? AND (? IS NULL OR product_id = ?)"
            + " ORDER BY letter_no LIMIT ?";
    private static final String UPSERT = "INSERT INTO syslog_mapping (product_id, document, updated_at, updated_by)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (product_id) DO UPDATE SET document = EXCLUDED.document,"
            + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Override
    public void park(SyslogLine line, String reason, List<Violation> violations) {
        try (PreparedStatement insert = connection().prepareStatement(PARK)) {
            insert.setTimestamp(1, Timestamp.from(line.receivedAt()));
            insert.setString(2, line.transport());
            insert.setString(3, line.peer());
            insert.setString(4, line.productId());
            insert.setString(5, reason);
            insert.setString(6, violations(violations).toString());
            insert.setBytes(7, line.bytes());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot park a syslog line: " + e.getMessage(), e);
        }
    }

    @Override
    public List<DeadLetter> page(Optional<String> productId, long after, int limit) {
        try (PreparedStatement select = connection().prepareStatement(PAGE)) {
            select.setLong(1, after);
            select.setString(2, productId.orElse(null));
            select.setString(3, productId.orElse(null));
            select.setInt(4, limit);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetter(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), violations(rows.getString(7)),
                            rows.getBytes(8)));
                }
            }
            return letters;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read syslog dead letters: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SyslogMapping> find(String productId) {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT document FROM syslog_mapping WHERE product_id = ?")) {
            select.setString(1, productId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(SyslogMapping.read(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the syslog mapping of " + productId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String productId, SyslogMapping mapping, String changedBy) {
        // The product may have been registered in this transaction and not be written yet (the foreign key).
        entityManager.flush();
        try (PreparedStatement upsert = connection().prepareStatement(UPSERT)) {
            upsert.setString(1, productId);
            upsert.setString(2, mapping.toJson().toString());
            upsert.setTimestamp(3, Timestamp.from(clock.instant()));
            upsert.setString(4, changedBy);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the syslog mapping of " + productId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String productId) {
        try (PreparedStatement delete = connection().prepareStatement("DELETE FROM syslog_mapping WHERE product_id = ?")) {
            delete.setString(1, productId);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete the syslog mapping of " + productId + ": " + e.getMessage(), e);
        }
    }

    private static JsonArray violations(List<Violation> violations) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        violations.forEach(v -> array.add(JSON.createObjectBuilder().add("pointer", v.pointer()).add("message", v.message())));
        return array.build();
    }

    private static List<Violation> violations(String json) {
        return JSON.createReader(new StringReader(json)).readArray().getValuesAs(JsonObject.class).stream()
                .map(v -> new Violation(v.getString("pointer"), v.getString("message"))).toList();
    }

    /** The persistence context's connection in this transaction, owned (and closed) by it: never closed here. */
    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }
}
