package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Publication after commit: what the hub accepted reaches subscribers even if the broker was away
 * when it was accepted, once each (the broker drops a message whose hub id it has seen), and in the
 * order one producer sent it.
 */
class PublicationOutboxIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void informationAcceptedWhileTheBrokerIsDownReachesSubscribersWhenItReturns() throws Exception {
        String subscriber = Hub.uniqueProducer("soc");
        Hub.jmsAs(subscriber);
        String producer = Hub.uniqueProducer("ids");
        // Registering needs the broker (it makes the product's account there): before it stops.
        Hub.registeredProduct(producer);
        HttpResponse<String> accepted;
        Hub.stopBroker();
        try {
            Hub.await(Duration.ofSeconds(60), "/health to report the broker DOWN",
                    () -> Hub.get(Hub.HTTP + "/health").statusCode() == 503);

            accepted = Hub.post("/information", "application/json", Hub.alert(producer));
        } finally {
            Hub.startBroker();
        }
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String hubId = Hub.json(accepted).getJsonObject("hub").getString("id");

        Hub.awaitReady(Duration.ofSeconds(90));
        try (JMSContext context = Hub.jmsAs(subscriber).createContext()) {
            JMSConsumer consumer = context.createConsumer(subscription(subscriber));
            Message delivered = consumer.receive(DELIVERY.toMillis());
            assertThat(delivered).as("the alert accepted while the broker was down").isNotNull();
            assertThat(hubIdOf(delivered)).isEqualTo(hubId);
            assertThat(consumer.receive(2000)).as("a second copy").isNull();
        }
    }

    @Test
    void aMessageTheRelayPublishesAgainIsDroppedByTheBrokerByItsHubId() throws Exception {
        String subscriber = Hub.uniqueProducer("soc");
        Hub.jmsAs(subscriber);
        try (JMSContext context = Hub.jmsAs(subscriber).createContext()) {
            JMSConsumer consumer = context.createConsumer(subscription(subscriber));
            HttpResponse<String> accepted = Hub.post("/information", "application/json",
                    Hub.alert(Hub.uniqueProducer("ids")));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
            String hubId = Hub.json(accepted).getJsonObject("hub").getString("id");
            assertThat(hubIdOf(consumer.receive(DELIVERY.toMillis()))).isEqualTo(hubId);

            // What a relay that published and died before forgetting would find: the same row again.
            // Then a row the broker has not seen, so that a silent relay cannot pass for a de-duplicating one.
            String control = UUID.randomUUID().toString();
            long again = waitingRow(hubId, "{\"hub\":{\"id\":\"" + hubId + "\"},\"again\":true}");
            long fresh = waitingRow(control, "{\"hub\":{\"id\":\"" + control + "\"}}");
            Hub.await(Duration.ofSeconds(30), "the relay to take both rows", () -> !waiting(again) && !waiting(fresh));

            assertThat(hubIdOf(consumer.receive(DELIVERY.toMillis()))).as("the next message").isEqualTo(control);
            assertThat(consumer.receive(2000)).as("anything after the control message").isNull();
        }
    }

    @Test
    void subscribersReceiveOneProducersBatchInItsOrder() throws Exception {
        String subscriber = Hub.uniqueProducer("soc");
        Hub.jmsAs(subscriber);
        String producer = Hub.uniqueProducer("ids");
        List<String> ids = new ArrayList<>();
        JsonArrayBuilder batch = Json.createArrayBuilder();
        for (int i = 0; i < 200; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.add(Json.createReader(new StringReader(Hub.alert(producer, id, "scan " + i))).readObject());
        }
        try (JMSContext context = Hub.jmsAs(subscriber).createContext()) {
            JMSConsumer consumer = context.createConsumer(subscription(subscriber));
            HttpResponse<String> accepted = Hub.post("/information", "application/json", batch.build().toString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

            List<String> received = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Message message = consumer.receive(DELIVERY.toMillis());
                assertThat(message).as("message %d of %d", i + 1, ids.size()).isNotNull();
                received.add(envelopeIdOf(message));
            }
            assertThat(received).containsExactlyElementsOf(ids);
        }
    }

    private static jakarta.jms.Queue subscription(String subscriber) {
        return new org.apache.activemq.artemis.jms.client.ActiveMQQueue("hutong.information.alert::" + subscriber + ".alert");
    }

    private static JsonObject body(Message message) throws Exception {
        assertThat(message).isNotNull();
        return Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
    }

    private static String hubIdOf(Message message) throws Exception {
        return body(message).getJsonObject("hub").getString("id");
    }

    private static String envelopeIdOf(Message message) throws Exception {
        return body(message).getString("id");
    }

    private static long waitingRow(String duplicateId, String body) throws SQLException {
        try (Connection connection = Database.hub().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO publication_outbox"
                        + " (address, routing, duplicate_id, properties, body, created_at)"
                        + " VALUES ('hutong.information.alert', 'multicast', ?, '{}', ?, now()) RETURNING outbox_no")) {
            insert.setString(1, duplicateId);
            insert.setString(2, body);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static boolean waiting(long outboxNo) {
        try (Connection connection = Database.hub().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM publication_outbox WHERE outbox_no = ?")) {
            select.setLong(1, outboxNo);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
