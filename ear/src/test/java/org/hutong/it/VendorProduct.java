package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A simulated vendor product as its vendor would write it: registered by an administrator, then plain
 * HTTPS with its client certificate and plain JMS with the broker account its registration issued — no
 * Hutong classes on its side.
 */
record VendorProduct(String id, String brokerPassword) {

    static VendorProduct register(String id, String category, List<String> functions, List<String> publishes,
            List<String> subscribes) {
        HttpResponse<String> response = Hub.post("/products", "application/json", """
                {"id":"%s","vendor":"Example","name":"%s","version":"1.0","category":"%s",
                 "functions":%s,"publishes":%s,"subscribes":%s,"commands":{"channel":"jms"}}""".formatted(id, id,
                category, array(functions), array(publishes), array(subscribes)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new VendorProduct(id, Hub.json(response).getJsonObject("broker").getString("password"));
    }

    private static String array(List<String> values) {
        return values.isEmpty() ? "[]" : "[\"" + String.join("\",\"", values) + "\"]";
    }

    void deregister() {
        Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + id)).DELETE().build());
    }

    HttpResponse<String> publish(String envelope) {
        return TestIdentities.product(id).post("/information", "application/json", envelope);
    }

    private JMSContext broker() {
        return new ActiveMQConnectionFactory(Hub.BROKER_URL, id, brokerPassword).createContext();
    }

    /** Takes the next command from its queue and reports it succeeded. */
    JsonObject takeCommandAndSucceed() {
        return takeCommandAndReport(null);
    }

    /** Takes the next command from its queue and reports it succeeded with {@code result} (null: {"done": function}). */
    JsonObject takeCommandAndReport(JsonObject result) {
        try (JMSContext context = broker();
                JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.function." + id))) {
            Message message = consumer.receive(Duration.ofSeconds(30).toMillis());
            assertThat(message).as("a command for %s", id).isNotNull();
            JsonObject command = Hub.json(((TextMessage) message).getText());
            String requestId = command.getString("request_id");
            context.createProducer().setProperty("JMSXGroupID", requestId).send(
                    context.createQueue("hutong.function.results"), Json.createObjectBuilder()
                            .add("request_id", requestId).add("product", id).add("status", "succeeded")
                            .add("result", result != null ? result
                                    : Json.createObjectBuilder().add("done", command.getString("function")).build())
                            .build().toString());
            return command;
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    void assertNoCommand() {
        try (JMSContext context = broker();
                JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.function." + id))) {
            assertThat(consumer.receive(2000)).as("no command for %s", id).isNull();
        }
    }

    /** The next item of {@code type} on its subscription queue ({@code <id>.<type>}), or null. */
    JsonObject receive(String type, Duration timeout) {
        try (JMSContext context = broker(); JMSConsumer consumer = context.createConsumer(
                context.createQueue("hutong.information." + type + "::" + id + "." + type))) {
            Message message = consumer.receive(timeout.toMillis());
            return message == null ? null : Hub.json(((TextMessage) message).getText());
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
