package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A product sending envelopes to hutong.information.ingress with a plain JMS client. */
@ExtendWith(HubReady.class)
class InformationJmsIT {

    @Test
    void storesAnEnvelopeSentToTheIngressQueue() throws Exception {
        String producer = Hub.uniqueProducer("edr");
        String id = UUID.randomUUID().toString();
        try (JMSContext context = Hub.jmsAs(producer).createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"),
                    Hub.alert(producer, id, "malicious process"));
        }

        JsonArray[] items = new JsonArray[1];
        Hub.await(Duration.ofSeconds(30), "the envelope to be stored", () -> {
            items[0] = Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items");
            return items[0].size() == 1;
        });
        JsonObject stored = items[0].getJsonObject(0);
        assertThat(stored.getString("id")).isEqualTo(id);
        assertThat(stored.getJsonObject("body").getString("name")).isEqualTo("malicious process");
        assertThat(Hub.get("/information/" + stored.getJsonObject("hub").getString("id")).statusCode()).isEqualTo(200);
    }

    @Test
    void storesADuplicateSentTwiceOnlyOnce() {
        String producer = Hub.uniqueProducer("edr");
        String envelope = Hub.alert(producer);
        try (JMSContext context = Hub.jmsAs(producer).createContext()) {
            var ingress = context.createQueue("hutong.information.ingress");
            context.createProducer().send(ingress, envelope);
            context.createProducer().send(ingress, envelope);
        }
        // A marker sent after both: once it is stored, both earlier messages were consumed.
        String marker = Hub.alert(producer);
        try (JMSContext context = Hub.jmsAs(producer).createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), marker);
        }

        Hub.await(Duration.ofSeconds(30), "the marker to be stored",
                () -> Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items").size() >= 2);
        Hub.sleep(Duration.ofSeconds(1));
        assertThat(Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items")).hasSize(2);
    }

    @Test
    void parksAnInvalidEnvelopeOnTheInformationDeadLetterQueueWithItsReason() throws Exception {
        String payload = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"weather\"}";
        try (JMSContext context = Hub.jms().createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), payload);
        }

        Message parked = receiveMatching("hutong.information.dlq", payload, Duration.ofSeconds(30));

        assertThat(parked.getStringProperty("hutong_error")).contains("/type");
        JsonArray violations = Hub.json("{\"v\":" + parked.getStringProperty("hutong_violations") + "}").getJsonArray("v");
        assertThat(violations.getValuesAs(JsonObject.class)).extracting(v -> v.getString("pointer"))
                .contains("/type", "/producer", "/time", "/body");
    }

    @Test
    void parksMessagesThatAreNeitherTextNorUtf8BytesWithTheirReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = Hub.jms().createContext()) {
            var map = context.createMapMessage();
            map.setString("marker", marker);
            context.createProducer().send(context.createQueue("hutong.information.ingress"), map);
            var bytes = context.createBytesMessage();
            bytes.writeBytes(new byte[] {'{', (byte) 0xFF, '}'});
            context.createProducer().send(context.createQueue("hutong.information.ingress"), bytes);
        }

        try (JMSContext context = Hub.jms().createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.information.dlq"),
                    "hutong_error LIKE '%MapMessage%' OR hutong_error LIKE '%not UTF-8%'");
            Message first = consumer.receive(Duration.ofSeconds(30).toMillis());
            Message second = consumer.receive(Duration.ofSeconds(30).toMillis());
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(List.of(first.getStringProperty("hutong_error"), second.getStringProperty("hutong_error")))
                    .containsExactlyInAnyOrder(
                            "a JSON document must arrive as text or as UTF-8 bytes, not a MapMessage",
                            "the message body is not UTF-8 text");
        }
    }

    /** Takes messages off {@code queue} until one carries {@code payload}. */
    static Message receiveMatching(String queue, String payload, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (JMSContext context = Hub.jms().createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue(queue));
            while (Instant.now().isBefore(deadline)) {
                Message message = consumer.receive(1000);
                if (message instanceof TextMessage text && payload.equals(text.getText())) {
                    return message;
                }
            }
        }
        throw new AssertionError("no message with the payload arrived on " + queue + " within " + timeout);
    }
}
