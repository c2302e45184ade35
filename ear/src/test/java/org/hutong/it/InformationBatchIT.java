package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Batches, size limits and media types, over HTTP and JMS. */
@ExtendWith(HubReady.class)
class InformationBatchIT {

    @Test
    void answersABatchItemByItem() {
        String producer = Hub.uniqueProducer("batch");
        String first = Hub.alert(producer);
        String batch = "[" + first + "," + first + ",{\"type\":\"alert\"}," + Hub.alert(producer) + "]";

        HttpResponse<String> response = Hub.post("/information", "application/json", batch);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject receipt = Hub.json(response);
        assertThat(receipt.getInt("accepted")).isEqualTo(2);
        assertThat(receipt.getInt("duplicates")).isEqualTo(1);
        assertThat(receipt.getInt("rejected")).isEqualTo(1);
        List<JsonObject> items = receipt.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(item -> item.getString("status"))
                .containsExactly("accepted", "duplicate", "rejected", "accepted");
        assertThat(items.get(2).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("pointer")).contains("/id", "/producer", "/body");
        assertThat(Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items")).hasSize(2);
    }

    @Test
    void refusesABatchOverTheItemLimitWith413() {
        List<String> envelopes = new ArrayList<>();
        String producer = Hub.uniqueProducer("batch");
        for (int i = 0; i < 1001; i++) {
            envelopes.add(Hub.alert(producer));
        }

        HttpResponse<String> response = Hub.post("/information", "application/json", "[" + String.join(",", envelopes) + "]");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Hub.json(response).getString("detail")).contains("1001", "1000");
        assertThat(Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items")).isEmpty();
    }

    @Test
    void refusesAnEnvelopeOverOneMebibyteWith413() {
        String huge = Hub.alert(Hub.uniqueProducer("big")).replace("port scan", "x".repeat(1024 * 1024));

        HttpResponse<String> response = Hub.post("/information", "application/json", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void refusesAnswersInMediaTypesItCannotProduceWith406() {
        HttpResponse<String> response = Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/information"))
                .header("Accept", "text/csv").GET().build());

        assertThat(response.statusCode()).isEqualTo(406);
    }

    @Test
    void storesTheValidItemsOfAQueuedBatchAndParksTheOthers() throws Exception {
        String producer = Hub.uniqueProducer("jms-batch");
        String invalid = Fixtures.envelope("asset", "invalid", producer);
        String batch = "[" + Hub.alert(producer) + "," + invalid + "," + Fixtures.envelope("threat", "valid", producer) + "]";
        try (JMSContext context = Hub.jmsAs(producer).createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), batch);
        }

        Hub.await(Duration.ofSeconds(30), "the valid items to be stored",
                () -> Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items").size() == 2);
        Message parked = InformationJmsIT.receiveMatching("hutong.information.dlq", invalid, Duration.ofSeconds(30));
        assertThat(parked.getStringProperty("hutong_error")).startsWith("batch item 1: ");
        assertThat(parked.getStringProperty("hutong_violations")).contains("/body/importance");
    }

    @Test
    void parksEveryTypesInvalidFixtureSentOverJms() throws Exception {
        for (String type : Fixtures.TYPES) {
            String producer = Hub.uniqueProducer("jms-fixture");
            String invalid = Fixtures.envelope(type, "invalid", producer);
            try (JMSContext context = Hub.jmsAs(producer).createContext()) {
                context.createProducer().send(context.createQueue("hutong.information.ingress"), invalid);
            }
            Message parked = InformationJmsIT.receiveMatching("hutong.information.dlq", invalid, Duration.ofSeconds(30));
            for (String pointer : Fixtures.pointers(type, "violations")) {
                assertThat(parked.getStringProperty("hutong_violations")).as(type).contains("\"" + pointer + "\"");
            }
        }
    }

    @Test
    void storesEveryTypesValidFixtureSentOverJms() {
        String producer = Hub.uniqueProducer("jms-fixture");
        try (JMSContext context = Hub.jmsAs(producer).createContext()) {
            for (String type : Fixtures.TYPES) {
                context.createProducer().send(context.createQueue("hutong.information.ingress"),
                        Fixtures.envelope(type, "valid", producer));
            }
        }

        Hub.await(Duration.ofSeconds(30), "every type to be stored",
                () -> Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items").size() == 6);
        assertThat(Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(item -> item.getString("type"))
                .containsExactlyInAnyOrderElementsOf(Fixtures.TYPES);
    }
}
