package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
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

        JsonObject page = Hub.json(Hub.get("/audit?action=product.register&limit=1000"));
        JsonObject record = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> id.equals(item.getString("target", null))).findFirst().orElseThrow();
        assertThat(record.getString("outcome")).isEqualTo("success");
        assertThat(record.getString("algorithm")).isEqualTo("SHA-256");
        assertThat(record.getString("hash")).hasSize(64).isNotEqualTo(record.getString("previousHash"));

        JsonObject verdict = Hub.json(Hub.get("/audit/verify"));
        assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
        assertThat(verdict.getJsonNumber("records").longValue()).isGreaterThanOrEqualTo(record.getJsonNumber("number").longValue());
        assertThat(Hub.get("/audit?since=yesterday").statusCode()).isEqualTo(400);
    }
}
