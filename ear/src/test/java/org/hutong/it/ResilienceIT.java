package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health follows the broker; stored information survives a server restart. */
class ResilienceIT {

    @BeforeEach
    void hubIsReady() {
        Hub.awaitReady(Duration.ofMinutes(3));
    }

    private static Map<String, String> checks() {
        HttpResponse<String> health = Hub.get(Hub.HTTP + "/health");
        return Hub.json(health).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    }

    @Test
    void healthIsUpWithDatabaseAndBrokerChecks() {
        HttpResponse<String> health = Hub.get(Hub.HTTP + "/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Hub.json(health).getString("status")).isEqualTo("UP");
        assertThat(checks()).containsEntry("database", "UP").containsEntry("broker", "UP");
        JsonObject database = Hub.json(health).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
        assertThat(database.getJsonObject("data").getString("product")).isEqualTo("PostgreSQL");
        assertThat(database.getJsonObject("data").getString("version")).startsWith("17.");
    }

    @Test
    void healthIsDownWhileTheBrokerIsStoppedAndUpWhenItReturns() {
        Hub.stopBroker();
        try {
            Hub.await(Duration.ofSeconds(60), "/health to report the broker DOWN",
                    () -> Hub.get(Hub.HTTP + "/health").statusCode() == 503);
            assertThat(Hub.json(Hub.get(Hub.HTTP + "/health")).getString("status")).isEqualTo("DOWN");
            assertThat(checks()).containsEntry("broker", "DOWN").containsEntry("database", "UP");
        } finally {
            Hub.startBroker();
        }

        Hub.awaitReady(Duration.ofSeconds(90));
        assertThat(checks()).containsEntry("broker", "UP");
        // And the hub works again end to end: it publishes, and it consumes the ingress queue again.
        assertThat(Hub.post("/information", "application/json", Hub.alert(Hub.uniqueProducer("ids"))).statusCode())
                .isEqualTo(201);
        String producer = Hub.uniqueProducer("edr");
        try (JMSContext context = Hub.jmsAs(producer).createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), Hub.alert(producer));
        }
        Hub.await(Duration.ofSeconds(60), "the ingress listener to take messages again",
                () -> Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items").size() == 1);
    }

    @Test
    void storedInformationSurvivesAServerRestart() {
        HttpResponse<String> created = Hub.post("/information", "application/json", Hub.alert(Hub.uniqueProducer("ids")));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();

        Hub.restartServer();
        Hub.awaitReady(Duration.ofMinutes(3));

        HttpResponse<String> read = Hub.get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Hub.json(read)).isEqualTo(Hub.json(created));
    }
}
