package org.hutong.information.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.information.application.correlation.CorrelationStore;
import org.hutong.information.domain.correlation.CorrelationGroup;

/** Correlation groups and alert–incident links in PostgreSQL (V11), in the JPA transaction's connection. */
@ApplicationScoped
public class CorrelationTables implements CorrelationStore {

    private static final String LINK_COLUMNS = "incident_record_id, alert_hub_id, joined_at, rule_id";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public Optional<CorrelationGroup> find(String ruleId, String key) {
        try (PreparedStatement select = connection().prepareStatement("SELECT incident_record_id, last_joined_at,"
                + " alert_count, max_severity, max_importance FROM incident_correlation WHERE rule_id = ? AND group_key = ?")) {
            select.setString(1, ruleId);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new CorrelationGroup(ruleId, key, row.getString(1), row.getTimestamp(2).toInstant(),
                                row.getInt(3), row.getInt(4), row.getInt(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a correlation group: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(CorrelationGroup group) {
        try (PreparedStatement upsert = connection().prepareStatement("INSERT INTO incident_correlation (rule_id,"
                + " group_key, incident_record_id, last_joined_at, alert_count, max_severity, max_importance)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, group_key) DO UPDATE SET"
                + " incident_record_id = EXCLUDED.incident_record_id, last_joined_at = EXCLUDED.last_joined_at,"
                + " alert_count = EXCLUDED.alert_count, max_severity = EXCLUDED.max_severity,"
                + " max_importance = EXCLUDED.max_importance")) {
            upsert.setString(1, group.ruleId());
            upsert.setString(2, group.key());
            upsert.setString(3, group.incidentRecordId());
            upsert.setTimestamp(4, Timestamp.from(group.lastJoinedAt()));
            upsert.setInt(5, group.alertCount());
            upsert.setInt(6, group.maxSeverity());
            upsert.setInt(7, group.maxImportance());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save a correlation group: " + e.getMessage(), e);
        }
    }

    @Override
    public void link(Link link) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO incident_alert (" + LINK_COLUMNS
                + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, link.incidentId());
            insert.setString(2, link.alertId());
            insert.setTimestamp(3, Timestamp.from(link.joinedAt()));
            insert.setString(4, link.ruleId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot link an alert to an incident: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Link> alertsOf(String incidentId, int limit) {
        return links("SELECT " + LINK_COLUMNS + " FROM incident_alert WHERE incident_record_id = ?"
                + " ORDER BY joined_at, alert_hub_id LIMIT " + Math.max(1, limit), incidentId);
    }

    @Override
    public List<Link> incidentsOf(String alertId) {
        return links("SELECT " + LINK_COLUMNS + " FROM incident_alert WHERE alert_hub_id = ?"
                + " ORDER BY joined_at, incident_record_id", alertId);
    }

    private List<Link> links(String sql, String id) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            select.setString(1, id);
            List<Link> links = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(rows.getString(1).trim(), rows.getString(2).trim(), rows.getTimestamp(3).toInstant(),
                            rows.getString(4)));
                }
            }
            return links;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alert–incident links: " + e.getMessage(), e);
        }
    }

    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }
}
