package org.hutong.exchange.infrastructure.persistence;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hutong.exchange.application.Outbox;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.exchange.domain.OutboundMessage.Routing;

/**
 * The {@code publication_outbox} table over plain JDBC (one batched insert per transaction, not one
 * JPA entity per message). Appends go through the persistence context's own connection, so the
 * outbox rows and the business rows are one branch of one database transaction (a second connection
 * would make the transaction manager commit two branches in two phases). Wakes the relay when a
 * transaction that appended commits.
 */
@ApplicationScoped
public class OutboxTable implements Outbox {

    /** Serializes relays across servers: a transaction that holds it is the only one publishing. */
    static final long RELAY_LOCK = 0x487574_6f6e67_01L;

    private static final String INSERT = "INSERT INTO publication_outbox"
            + " (address, routing, duplicate_id, properties, body, correlation_id, reply_to, expires_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NEXT = "SELECT outbox_no, address, routing, duplicate_id, properties, body,"
            + " correlation_id, reply_to, expires_at FROM publication_outbox ORDER BY outbox_no LIMIT ?";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxSignal signal;

    @Inject
    Clock clock;

    /** A message waiting in the table, with its place in the publication order. */
    public record Pending(long outboxNo, OutboundMessage message) {
    }

    @Override
    public void append(List<OutboundMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = connection().prepareStatement(INSERT)) {
            for (OutboundMessage message : messages) {
                insert.setString(1, message.address());
                insert.setString(2, message.routing().wireName());
                insert.setString(3, message.duplicateId());
                insert.setString(4, properties(message.properties()));
                insert.setString(5, message.body());
                insert.setString(6, message.correlationId());
                insert.setString(7, message.replyTo());
                insert.setTimestamp(8, message.expiresAt() == null ? null : Timestamp.from(message.expiresAt()));
                insert.setTimestamp(9, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the publication outbox: " + e.getMessage(), e);
        }
        signal.wakeOnCommit(transactions);
    }

    /**
     * The oldest waiting messages, if this transaction is the one relay publishing now (a PostgreSQL
     * advisory lock held until it ends); empty otherwise or when nothing waits.
     */
    public List<Pending> lockOldest(int max) {
        Connection connection = connection();
        try {
            if (!AdvisoryLocks.tryTransactionLock(connection, RELAY_LOCK)) {
                return List.of();
            }
            List<Pending> pending = new ArrayList<>();
            try (PreparedStatement next = connection.prepareStatement(NEXT)) {
                next.setInt(1, max);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        Timestamp expiresAt = rows.getTimestamp(9);
                        pending.add(new Pending(rows.getLong(1), new OutboundMessage(rows.getString(2),
                                Routing.fromWireName(rows.getString(3)), rows.getString(4), properties(rows.getString(5)),
                                rows.getString(6), rows.getString(7), rows.getString(8),
                                expiresAt == null ? null : expiresAt.toInstant())));
                    }
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the publication outbox: " + e.getMessage(), e);
        }
    }

    /** Forgets messages the broker has confirmed. */
    public void delete(List<Pending> published) {
        Connection connection = connection();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM publication_outbox WHERE outbox_no = ANY (?)")) {
            Array numbers = connection.createArrayOf("bigint", published.stream().map(Pending::outboxNo).toArray());
            delete.setArray(1, numbers);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the publication outbox: " + e.getMessage(), e);
        }
    }

    /** The persistence context's connection in this transaction, owned (and closed) by it: never closed here. */
    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }

    static String properties(Map<String, Object> properties) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        properties.forEach((name, value) -> {
            if (value instanceof String text) {
                json.add(name, text);
            } else {
                json.add(name, ((Number) value).longValue());
            }
        });
        return json.build().toString();
    }

    static Map<String, Object> properties(String json) {
        Map<String, Object> properties = new LinkedHashMap<>();
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> properties.put(name, value.getValueType() == JsonValue.ValueType.STRING
                    ? ((JsonString) value).getString()
                    : narrow(((JsonNumber) value).longValueExact())));
        }
        return properties;
    }

    private static Object narrow(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }
}
