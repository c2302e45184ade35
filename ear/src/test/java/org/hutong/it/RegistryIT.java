package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The function catalog and the product registry over HTTP, as a vendor would use them. */
@ExtendWith(HubReady.class)
class RegistryIT {

    @Test
    void servesTheCatalogWithArgumentSchemas() {
        JsonObject blockIp = Hub.json(Hub.get("/functions/protect.block-ip"));
        assertThat(blockIp.getString("type")).isEqualTo("protect");
        assertThat(blockIp.getJsonObject("arguments").getJsonArray("required").getString(0)).isEqualTo("ip");
        assertThat(Hub.json(Hub.get("/functions?type=dispose")).getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("id")).contains("dispose.isolate-host").allMatch(id -> id.startsWith("dispose."));
        assertThat(Hub.get("/functions/protect.teleport").statusCode()).isEqualTo(404);
    }

    /** A suspended product keeps its certificate, but reads nothing: neither subscribed types nor its own. */
    @Test
    void aSuspendedProductReadsNothing() {
        String id = "fw-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Hub.post("/products", "application/json", firewall(id)).statusCode()).isEqualTo(201);
        TestIdentities.Product product = TestIdentities.product(id);
        assertThat(product.get("/information?type=threat").statusCode()).isEqualTo(200);
        assertThat(product.get("/information?producer=" + id).statusCode()).isEqualTo(200);

        HttpResponse<String> suspended = Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(firewall(id).replace("\"commands\"", "\"status\":\"suspended\",\"commands\"")))
                .build());
        assertThat(suspended.statusCode()).isEqualTo(200);

        assertThat(product.get("/information?type=threat").statusCode()).isEqualTo(403);
        assertThat(product.get("/information?producer=" + id).statusCode()).isEqualTo(403);
    }

    @Test
    void theHubsOwnBrokerAccountCannotBeRegisteredAsAProduct() {
        // Registering it would issue a new password to the account the hub itself logs in with.
        HttpResponse<String> refused = Hub.post("/products", "application/json", firewall(Hub.BROKER_USER));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("/id");
        Hub.jms().createContext().close();
    }

    @Test
    void registersAProductAndCreatesItsCommandQueue() throws Exception {
        String id = "fw-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Hub.post("/products", "application/json", firewall(id));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(Hub.API + "/products/" + id);
        JsonObject product = Hub.json(created);
        assertThat(product.getString("status")).isEqualTo("active");
        assertThat(product.getString("reachability")).isEqualTo("reachable");
        assertThat(product.getJsonObject("commands").getString("queue")).isEqualTo("hutong.function." + id);
        try (JMSContext context = Hub.jms().createContext();
                QueueBrowser browser = context.createBrowser(context.createQueue("hutong.function." + id))) {
            assertThat(browser.getEnumeration().hasMoreElements()).isFalse();
        }
        assertThat(Hub.post("/products", "application/json", firewall(id)).statusCode()).isEqualTo(409);
        assertThat(Hub.json(Hub.get("/products?function=protect.block-ip&status=active&limit=1000"))
                .getJsonArray("items").getValuesAs(JsonObject.class)).extracting(p -> p.getString("id")).contains(id);

        HttpResponse<String> suspended = Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + id))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(firewall(id).replace("\"commands\"", "\"status\":\"suspended\",\"commands\"")))
                .build());
        assertThat(suspended.statusCode()).isEqualTo(200);
        assertThat(Hub.json(suspended).getString("status")).isEqualTo("suspended");
        assertThat(Hub.post("/products/" + id + "/heartbeat", "application/json", "").statusCode()).isEqualTo(200);

        HttpResponse<String> deregistered = Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + id))
                .header("Accept", "application/json").DELETE().build());
        assertThat(Hub.json(deregistered).getString("status")).isEqualTo("deregistered");
        // A deregistered product's certificate no longer opens the door.
        assertThat(Hub.post("/products/" + id + "/heartbeat", "application/json", "").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesARegistrationWithEveryViolation() {
        HttpResponse<String> refused = Hub.post("/products", "application/json", """
                {"id":"Bad Id","vendor":"v","name":"n","version":"1","category":"toaster",
                 "functions":["protect.teleport"],"publishes":["gossip"],"commands":{"channel":"https"}}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Hub.json(refused).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("pointer"))
                .containsExactlyInAnyOrder("/id", "/functions/0", "/publishes/0", "/category", "/commands/url");
        assertThat(Hub.post("/products", "application/json", "{\"id\":\"x\"}").statusCode()).isEqualTo(400);
    }

    static String firewall(String id) {
        return """
                {"id":"%s","vendor":"Example Networks","name":"NGFW","version":"7.2","category":"area-boundary",
                 "functions":["protect.block-ip","protect.unblock"],"publishes":["alert"],"subscribes":["threat"],
                 "commands":{"channel":"jms"}}""".formatted(id);
    }
}
