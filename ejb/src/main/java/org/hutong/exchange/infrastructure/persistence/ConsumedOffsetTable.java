package org.hutong.exchange.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hutong.exchange.application.ConsumedOffsets;

/** Consumer positions in PostgreSQL, on the persistence context's connection. */
@ApplicationScoped
public class ConsumedOffsetTable implements ConsumedOffsets {

    private static final String UPSERT = "INSERT INTO consumed_offset (consumer_group, topic, partition_no, next_offset,"
            + " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (consumer_group, topic, partition_no)"
            + " DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = EXCLUDED.updated_at";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Override
    public List<Position> find(String group, Collection<String> topics) {
        Connection connection = connection();
        try (PreparedStatement select = connection.prepareStatement("SELECT topic, partition_no, next_offset"
                + " FROM consumed_offset WHERE consumer_group = ? AND topic = ANY (?)")) {
            select.setString(1, group);
            select.setArray(2, connection.createArrayOf("varchar", topics.toArray()));
            List<Position> positions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.add(new Position(rows.getString(1), rows.getInt(2), rows.getLong(3)));
                }
            }
            return positions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the positions of " + group + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String group, List<Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement upsert = connection().prepareStatement(UPSERT)) {
            for (Position position : positions) {
                upsert.setString(1, group);
                upsert.setString(2, position.topic());
                upsert.setInt(3, position.partition());
                upsert.setLong(4, position.nextOffset());
                upsert.setTimestamp(5, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the positions of " + group + ": " + e.getMessage(), e);
        }
    }

    /** The persistence context's connection in this transaction, owned (and closed) by it: never closed here. */
    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }
}
