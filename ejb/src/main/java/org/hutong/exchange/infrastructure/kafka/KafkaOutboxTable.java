package org.hutong.exchange.infrastructure.kafka;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.exchange.application.KafkaOutbox;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.exchange.infrastructure.persistence.AdvisoryLocks;

/** The Kafka outbox in PostgreSQL: written with the stored information, read and emptied by the relay. */
@ApplicationScoped
public class KafkaOutboxTable implements KafkaOutbox {

    /** Serializes Kafka relays across servers: a transaction that holds it is the only one publishing. */
    static final long RELAY_LOCK = 0x487574_6f6e67_04L;

    private static final String INSERT = "INSERT INTO kafka_outbox (topic, record_key, headers, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?)";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    KafkaRelaySignal signal;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.kafka.outbound")
    Optional<String> outbound;

    @Inject
    KafkaClientSettings settings;

    private volatile KafkaRoutes routes;

    /** A record waiting in the table, with its place in the order. */
    public record Pending(long outboxNo, String topic, String key, Map<String, String> headers, String body) {
    }

    KafkaRoutes routes() {
        KafkaRoutes parsed = routes;
        if (parsed == null) {
            parsed = settings.enabled() ? KafkaRoutes.parse(outbound.orElse("")) : KafkaRoutes.parse("");
            routes = parsed;
        }
        return parsed;
    }

    @Override
    public void append(List<OutboundMessage> messages) {
        KafkaRoutes current = routes();
        if (current.isEmpty() || messages.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int appended = 0;
        try (PreparedStatement insert = connection().prepareStatement(INSERT)) {
            for (OutboundMessage message : messages) {
                Optional<String> topic = current.topicOf(message.address());
                if (topic.isEmpty()) {
                    continue;
                }
                Object producer = message.properties().get("hutong_producer");
                insert.setString(1, topic.get());
                insert.setString(2, producer == null ? null : producer.toString());
                insert.setString(3, headers(message.properties()));
                insert.setString(4, message.body());
                insert.setTimestamp(5, now);
                insert.addBatch();
                appended++;
            }
            if (appended > 0) {
                insert.executeBatch();
                signal.wakeOnCommit(transactions);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the Kafka outbox: " + e.getMessage(), e);
        }
    }

    /** The oldest waiting records, if this transaction is the one Kafka relay now; empty otherwise. */
    List<Pending> lockOldest(int max) {
        Connection connection = connection();
        try {
            if (!AdvisoryLocks.tryTransactionLock(connection, RELAY_LOCK)) {
                return List.of();
            }
            List<Pending> pending = new ArrayList<>();
            try (PreparedStatement next = connection.prepareStatement("SELECT outbox_no, topic, record_key, headers, body"
                    + " FROM kafka_outbox ORDER BY outbox_no LIMIT ?")) {
                next.setInt(1, max);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        pending.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3),
                                headers(rows.getString(4)), rows.getString(5)));
                    }
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Kafka outbox: " + e.getMessage(), e);
        }
    }

    void delete(List<Pending> published) {
        Connection connection = connection();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM kafka_outbox WHERE outbox_no = ANY (?)")) {
            Array numbers = connection.createArrayOf("bigint", published.stream().map(Pending::outboxNo).toArray());
            delete.setArray(1, numbers);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the Kafka outbox: " + e.getMessage(), e);
        }
    }

    private static String headers(Map<String, Object> properties) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        properties.forEach((name, value) -> json.add(name, String.valueOf(value)));
        return json.build().toString();
    }

    private static Map<String, String> headers(String json) {
        JsonObject object = JSON.createReader(new StringReader(json)).readObject();
        Map<String, String> headers = new LinkedHashMap<>();
        object.forEach((name, value) -> headers.put(name, value.getValueType() == JsonValue.ValueType.STRING
                ? object.getString(name) : value.toString()));
        return headers;
    }

    /** The persistence context's connection in this transaction, owned (and closed) by it: never closed here. */
    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }
}
