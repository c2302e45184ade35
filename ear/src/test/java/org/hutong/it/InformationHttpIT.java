package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST and GET /api/v1/information against the running hub. */
@ExtendWith(HubReady.class)
class InformationHttpIT {

    @Test
    void aNumberOutsideTheRangeOfADoubleIsRefusedNotWrittenOutDigitByDigit() {
        // 19 bytes in; the canonical form would write 100 million digits (issue 10: 6.8 s and 1 GB per envelope).
        String producer = Hub.uniqueProducer("amplifier");
        for (String number : List.of("1e99999999", "-1e99999999", "1e-99999999")) {
            String envelope = Hub.alert(producer).replace("\"extension\":{}", "\"extension\":{\"x\":" + number + "}");
            assertThat(envelope).contains(number);

            HttpResponse<String> response = Hub.post("/information", "application/json", envelope);

            assertThat(response.statusCode()).as(number).isEqualTo(400);
            assertThat(response.body()).contains("/body/extension/x", "IEEE 754");
        }
        String inRange = Hub.alert(producer).replace("\"extension\":{}", "\"extension\":{\"x\":1.5e300}");
        assertThat(Hub.post("/information", "application/json", inRange).statusCode()).isEqualTo(201);
    }

    @Test
    void acceptsAnEnvelopeAndServesItBack() {
        String producer = Hub.uniqueProducer("ids");
        String id = UUID.randomUUID().toString();

        HttpResponse<String> created = Hub.post("/information", "application/json", Hub.alert(producer, id, "port scan"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject body = Hub.json(created);
        String hubId = body.getJsonObject("hub").getString("id");
        // Products call over HTTPS (mutual TLS): the Location is on that port.
        assertThat(created.headers().firstValue("Location")).hasValue(Hub.HTTPS + "/api/v1/information/" + hubId);
        assertThat(body.getString("id")).isEqualTo(id);
        assertThat(body.getString("producer")).isEqualTo(producer);
        assertThat(body.getJsonObject("body").getString("name")).isEqualTo("port scan");

        HttpResponse<String> read = Hub.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Hub.json(read)).isEqualTo(body);
    }

    @Test
    void answersADuplicateWith200AndTheOriginal() {
        String envelope = Hub.alert(Hub.uniqueProducer("ids"));
        HttpResponse<String> first = Hub.post("/information", "application/json", envelope);
        HttpResponse<String> again = Hub.post("/information", "application/json", envelope);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Hub.json(again).getJsonObject("hub")).isEqualTo(Hub.json(first).getJsonObject("hub"));
    }

    @Test
    void refusesAnIdReusedForOtherContentWith409() {
        String producer = Hub.uniqueProducer("ids");
        String id = UUID.randomUUID().toString();
        assertThat(Hub.post("/information", "application/json", Hub.alert(producer, id, "port scan")).statusCode())
                .isEqualTo(201);

        HttpResponse<String> conflict = Hub.post("/information", "application/json",
                Hub.alert(producer, id, "brute force"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Hub.json(conflict).getString("detail")).contains(id);
    }

    @Test
    void refusesAMalformedEnvelopeWithEveryViolation() {
        HttpResponse<String> response = Hub.post("/information", "application/json",
                "{\"id\":\"42\",\"type\":\"weather\",\"producer\":\"ids-01\",\"time\":\"yesterday\",\"body\":{}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = Hub.json(response);
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(violation -> violation.getString("pointer"))
                .containsExactlyInAnyOrder("/id", "/type", "/specVersion", "/time");
    }

    @Test
    void refusesTextThatIsNotJson() {
        HttpResponse<String> response = Hub.post("/information", "application/json", "{\"id\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Hub.json(response).getJsonArray("violations").getJsonObject(0).getString("message"))
                .startsWith("not valid JSON");
    }

    @Test
    void refusesOtherMediaTypesWith415Problem() {
        HttpResponse<String> response = Hub.post("/information", "text/plain", Hub.alert("ids-01"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(Hub.json(response).getInt("status")).isEqualTo(415);
    }

    @Test
    void answersAnUnknownIdWith404Problem() {
        HttpResponse<String> response = Hub.get("/information/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Hub.json(response).getString("type")).endsWith("/not-found");
    }

    @Test
    void listsByProducerInReceiveOrderAndPages() {
        String producer = Hub.uniqueProducer("scanner");
        for (int i = 0; i < 3; i++) {
            assertThat(Hub.post("/information", "application/json", Hub.alert(producer)).statusCode()).isEqualTo(201);
        }

        JsonObject first = Hub.json(Hub.get("/information?producer=" + producer + "&limit=2"));
        assertThat(first.getJsonArray("items")).hasSize(2);
        JsonObject second = Hub.json(Hub.get(first.getString("next")));
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.containsKey("next")).isFalse();
        long lastOfFirst = first.getJsonArray("items").getJsonObject(1).getJsonObject("hub").getJsonNumber("sequence").longValue();
        long onlyOfSecond = second.getJsonArray("items").getJsonObject(0).getJsonObject("hub").getJsonNumber("sequence").longValue();
        assertThat(onlyOfSecond).isGreaterThan(lastOfFirst);

        HttpResponse<String> invalid = Hub.get("/information?limit=0");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Hub.json(invalid).getJsonArray("violations").getJsonObject(0).getString("parameter")).isEqualTo("limit");
    }

    @Test
    void filtersBySeverityCategoryAndReceiveTime() {
        String producer = Hub.uniqueProducer("filters");
        for (int severity = 1; severity <= 4; severity++) {
            String alert = Hub.alert(producer).replace("\"severity\":3", "\"severity\":" + severity);
            assertThat(Hub.post("/information", "application/json", alert).statusCode()).isEqualTo(201);
        }
        String base = "/information?producer=" + producer;

        assertThat(Hub.json(Hub.get(base + "&severity=4")).getJsonArray("items")).hasSize(1);
        // A category matches its sub-categories: the alerts are network-attack/scan.
        assertThat(Hub.json(Hub.get(base + "&category=network-attack")).getJsonArray("items")).hasSize(4);
        assertThat(Hub.json(Hub.get(base + "&category=malware")).getJsonArray("items")).isEmpty();
        assertThat(Hub.json(Hub.get(base + "&since=2999-01-01T00:00:00Z")).getJsonArray("items")).isEmpty();
        JsonObject all = Hub.json(Hub.get(base + "&until=2999-01-01T00:00:00Z"));
        assertThat(all.getJsonArray("items")).hasSize(4);
        assertThat(all.getString("firstReceivedAt").compareTo(all.getString("lastReceivedAt"))).isLessThanOrEqualTo(0);
    }

    @Test
    void refusesACursorUsedWithOtherFilters() {
        String producer = Hub.uniqueProducer("cursor");
        for (int i = 0; i < 2; i++) {
            assertThat(Hub.post("/information", "application/json", Hub.alert(producer)).statusCode()).isEqualTo(201);
        }
        String cursor = Hub.json(Hub.get("/information?producer=" + producer + "&limit=1")).getString("cursor");

        assertThat(Hub.json(Hub.get("/information?cursor=" + cursor + "&limit=1")).getJsonArray("items")
                .getJsonObject(0).getString("producer")).isEqualTo(producer);
        HttpResponse<String> changed = Hub.get("/information?producer=other&cursor=" + cursor);
        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(Hub.json(changed).getJsonArray("violations").getJsonObject(0).getString("parameter")).isEqualTo("cursor");
    }

    @Test
    void answersConcurrentCopiesOfOneEnvelopeWithOneCreatedAndTheRestDuplicates() {
        for (int round = 0; round < 3; round++) {
            String producer = Hub.uniqueProducer("race");
            String envelope = Hub.alert(producer);
            HttpClient client = Hub.registeredProduct(producer).client();
            List<CompletableFuture<HttpResponse<String>>> copies = new ArrayList<>();
            for (int copy = 0; copy < 8; copy++) {
                copies.add(client.sendAsync(HttpRequest.newBuilder(URI.create(Hub.HTTPS + "/api/v1/information"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = copies.stream().map(CompletableFuture::join)
                    .map(HttpResponse::statusCode).toList();

            assertThat(statuses).as("round %d", round).containsOnly(200, 201);
            assertThat(statuses).as("round %d", round).filteredOn(status -> status == 201).hasSize(1);
        }
    }
}
