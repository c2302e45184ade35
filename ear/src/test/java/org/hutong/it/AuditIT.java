package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail over HTTP: registry changes are recorded, chained and verifiable. */
@ExtendWith(HubReady.class)
class AuditIT {

    @Test
    void recordsARegistrationInAnIntactChain() {
        String id = "fw-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Hub.post("/products", "application/json", RegistryIT.firewall(id)).statusCode()).isEqualTo(201);

        JsonObject record = awaitSealed("product.register", id);
        assertThat(record.getString("outcome")).isEqualTo("success");
        assertThat(record.getString("entry")).hasSize(36);
        assertThat(record.getString("algorithm")).isEqualTo("HMAC-SHA-256");
        assertThat(record.getString("hash")).hasSize(64).isNotEqualTo(record.getString("previousHash"));

        JsonObject verdict = Hub.json(Hub.get("/audit/verify"));
        assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
        assertThat(verdict.getJsonNumber("records").longValue()).isGreaterThanOrEqualTo(record.getJsonNumber("number").longValue());
        assertThat(Hub.get("/audit?since=yesterday").statusCode()).isEqualTo(400);
    }

    /**
     * The record of {@code action} on {@code target} once the sealer has chained it (entries wait
     * unsealed for a moment after their transaction commits).
     */
    static JsonObject awaitSealed(String action, String target) {
        JsonObject[] sealed = new JsonObject[1];
        Hub.await(Duration.ofSeconds(30), action + " on " + target + " to be sealed", () -> {
            sealed[0] = Hub.json(Hub.get("/audit?action=" + action + "&since=" + Instant.now().minusSeconds(600)
                    + "&limit=1000")).getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(item -> target.equals(item.getString("target", null)) && item.getBoolean("sealed"))
                    .findFirst().orElse(null);
            return sealed[0] != null;
        });
        return sealed[0];
    }

    /** The container's error page is not a door of its own: a loop of GETs must not append to the chain. */
    @Test
    void theForbiddenErrorPageCannotBeCalledDirectlyToAppendRecords() {
        Instant start = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> direct = Hub.sendAnonymously(HttpRequest.newBuilder(
                    URI.create(Hub.HTTP + "/problems/forbidden")).GET().build());
            assertThat(direct.statusCode()).isEqualTo(404);
        }

        List<JsonObject> denials = Hub.json(Hub.get("/audit?action=authorization&since=" + start + "&limit=1000"))
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(denials).noneSatisfy(record -> assertThat(record.getString("target", "")).contains("null"));
    }
}
