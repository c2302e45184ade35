package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Assets, vulnerabilities and incidents as stateful records: merge, views, lifecycle, over HTTP and JMS. */
@ExtendWith(HubReady.class)
class StatefulRecordsIT {

    @Test
    void mergesAnAssetReportedOverHttpAndJmsByIpAndMac() throws Exception {
        String assetId = "A-" + UUID.randomUUID();
        String mac = randomMac();
        String cmdb = Hub.uniqueProducer("cmdb");
        String scanner = Hub.uniqueProducer("scanner");
        assertThat(Hub.post("/information", "application/json", envelope("asset", cmdb, Json.createObjectBuilder()
                .add("assetId", assetId).add("name", "db-01").add("kind", "server")
                .add("network", Json.createObjectBuilder().add("ips", Json.createArrayBuilder().add("10.9.8.7"))
                        .add("macs", Json.createArrayBuilder().add(mac)))
                .build())).statusCode()).isEqualTo(201);
        // The scanner knows no asset id and spells the MAC its own way.
        try (JMSContext context = Hub.jms().createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), envelope("asset", scanner,
                    Json.createObjectBuilder().add("kind", "server").add("name", "db-01.prod")
                            .add("network", Json.createObjectBuilder().add("ips", Json.createArrayBuilder().add("10.9.8.7"))
                                    .add("macs", Json.createArrayBuilder().add(mac.toLowerCase().replace(':', '-'))))
                            .add("importance", 4).build()));
        }

        JsonArray[] found = new JsonArray[1];
        Hub.await(Duration.ofSeconds(30), "the scanner's report to be merged", () -> {
            found[0] = Hub.json(Hub.get("/assets?mac=" + encode(mac))).getJsonArray("items");
            return found[0].size() == 1 && found[0].getJsonObject(0).getInt("version") == 2;
        });
        JsonObject asset = found[0].getJsonObject(0);
        assertThat(asset.getJsonObject("state").getString("assetId")).isEqualTo(assetId);
        assertThat(asset.getJsonObject("state").getString("name")).isEqualTo("db-01.prod");
        assertThat(asset.getJsonObject("state").getInt("importance")).isEqualTo(4);
        assertThat(Hub.json(Hub.get("/assets?name=DB-01.PR&kind=server&ip=10.9.8.7")).getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(item -> item.getString("id")).contains(asset.getString("id"));

        JsonObject detail = Hub.json(Hub.get("/assets/" + asset.getString("id")));
        assertThat(detail.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(change -> change.getString("actor")).containsExactly(cmdb, scanner);
        String information = detail.getJsonArray("history").getJsonObject(1).getString("information");
        assertThat(Hub.json(Hub.get("/information/" + information)).getString("producer")).isEqualTo(scanner);
    }

    @Test
    void keepsOneVulnerabilityWhateverIdentifierProductsUse() {
        int year = 2000 + (int) (Math.random() * 20);
        long serial = 10000 + (long) (Math.random() * 8_000_000);
        String cve = "CVE-" + year + "-" + serial;
        String cnvd = "CNVD-" + year + "-" + (10000 + serial % 89999);
        String assetA = "A-" + UUID.randomUUID();
        String assetB = "A-" + UUID.randomUUID();
        assertThat(Hub.post("/information", "application/json", envelope("vulnerability", Hub.uniqueProducer("scan"),
                vulnerability(List.of(cve), "high", assetA))).statusCode()).isEqualTo(201);
        assertThat(Hub.post("/information", "application/json", envelope("vulnerability", Hub.uniqueProducer("scan"),
                vulnerability(List.of(cnvd, cve), "critical", assetB))).statusCode()).isEqualTo(201);

        JsonArray byCnvd = Hub.json(Hub.get("/vulnerabilities?id=" + cnvd.toLowerCase())).getJsonArray("items");
        assertThat(byCnvd).hasSize(1);
        JsonObject vulnerability = byCnvd.getJsonObject(0);
        assertThat(vulnerability.getJsonObject("state").getJsonArray("ids").getValuesAs(JsonValue::toString))
                .containsExactlyInAnyOrder("\"" + cve + "\"", "\"" + cnvd + "\"");
        assertThat(Hub.json(Hub.get("/vulnerabilities?asset=" + assetA + "&grade=critical")).getJsonArray("items"))
                .extracting(item -> ((JsonObject) item).getString("id")).containsExactly(vulnerability.getString("id"));
        assertThat(Hub.json(Hub.get("/vulnerabilities?asset=" + assetB + "&grade=low")).getJsonArray("items")).isEmpty();
    }

    /** Every incident transition is audited, whatever the channel: here one carried by the producer's envelope. */
    @Test
    void anIncidentTransitionCarriedByAnEnvelopeIsAudited() {
        String producer = Hub.uniqueProducer("soc");
        String incidentId = "INC-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(1);
        assertThat(Hub.post("/information", "application/json", envelope("incident", producer, incident(incidentId, "new")))
                .statusCode()).isEqualTo(201);
        String id = findIncident(incidentId, "new");

        assertThat(Hub.post("/information", "application/json",
                envelope("incident", producer, incident(incidentId, "investigating"))).statusCode()).isEqualTo(201);

        List<JsonObject> transitions = Hub.json(Hub.get("/audit?action=incident.transition&since=" + start + "&limit=1000"))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(record -> id.equals(record.getString("target", ""))).toList();
        assertThat(transitions).singleElement().satisfies(record -> {
            assertThat(record.getString("actor")).isEqualTo(producer);
            assertThat(record.getString("detail")).contains("new -> investigating");
        });
    }

    @Test
    void movesAnIncidentThroughItsLifecycleAndRefusesIllegalSteps() throws Exception {
        String producer = Hub.uniqueProducer("soc");
        String incidentId = "INC-" + UUID.randomUUID();
        assertThat(Hub.post("/information", "application/json", envelope("incident", producer, incident(incidentId, "new")))
                .statusCode()).isEqualTo(201);
        String id = findIncident(incidentId, "new");

        HttpResponse<String> skipping = Hub.post("/incidents/" + id + "/transitions", "application/json",
                "{\"status\":\"closed\"}");
        assertThat(skipping.statusCode()).isEqualTo(409);
        assertThat(skipping.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Hub.json(skipping).getJsonArray("violations").getJsonObject(0).getString("pointer")).isEqualTo("/status");
        assertThat(Hub.post("/incidents/" + id + "/transitions", "application/json", "{\"status\":\"lost\"}").statusCode())
                .isEqualTo(400);
        assertThat(Hub.post("/incidents/" + UUID.randomUUID() + "/transitions", "application/json",
                "{\"status\":\"investigating\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> investigating = Hub.post("/incidents/" + id + "/transitions", "application/json",
                "{\"status\":\"investigating\",\"comment\":\"on it\"}");
        assertThat(investigating.statusCode()).isEqualTo(200);
        assertThat(Hub.json(investigating).getJsonObject("state").getString("status")).isEqualTo("investigating");

        // The producer's own update must follow the lifecycle too: over HTTP ...
        HttpResponse<String> backToNew = Hub.post("/information", "application/json",
                envelope("incident", producer, incident(incidentId, "new")));
        assertThat(backToNew.statusCode()).isEqualTo(409);
        assertThat(Hub.json(backToNew).getJsonArray("violations").getJsonObject(0).getString("pointer"))
                .isEqualTo("/body/status");
        // ... in a batch, item by item ...
        HttpResponse<String> batch = Hub.post("/information", "application/json", "["
                + envelope("incident", producer, incident(incidentId, "contained")) + ","
                + envelope("incident", producer, incident(incidentId, "closed")) + "]");
        assertThat(Hub.json(batch).getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(item -> item.getString("status")).containsExactly("accepted", "rejected");
        // ... and over JMS, where the refusal is parked with its reason.
        String illegal = envelope("incident", producer, incident(incidentId, "new"));
        try (JMSContext context = Hub.jms().createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), illegal);
        }
        Message parked = InformationJmsIT.receiveMatching("hutong.information.dlq", illegal, Duration.ofSeconds(30));
        assertThat(parked.getStringProperty("hutong_error")).contains("cannot go from 'contained' to 'new'");

        JsonObject detail = Hub.json(Hub.get("/incidents/" + id));
        assertThat(detail.getJsonObject("state").getString("status")).isEqualTo("contained");
        assertThat(detail.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(change -> change.getString("statusFrom", "-") + ">" + change.getString("statusTo", "-"))
                .containsExactly("->new", "new>investigating", "investigating>contained");
        assertThat(detail.getJsonArray("history").getJsonObject(1).getString("comment")).isEqualTo("on it");
        assertThat(Hub.json(Hub.get("/incidents?status=contained&grade=II&category=malware&limit=1000"))
                .getJsonArray("items").getValuesAs(JsonObject.class)).extracting(item -> item.getString("id")).contains(id);
    }

    @Test
    void refusesUnknownFiltersValuesAndForeignCursors() {
        assertThat(Hub.get("/incidents?status=forgotten").statusCode()).isEqualTo(400);
        assertThat(Hub.get("/incidents?grade=V").statusCode()).isEqualTo(400);
        assertThat(Hub.get("/assets?limit=0").statusCode()).isEqualTo(400);
        assertThat(Hub.get("/assets?cursor=bm90LWEtY3Vyc29y").statusCode()).isEqualTo(400);
        assertThat(Hub.get("/vulnerabilities/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    static String findIncident(String incidentId, String status) {
        String url = "/incidents?status=" + status + "&limit=1000";
        while (url != null) {
            JsonObject page = Hub.json(Hub.get(url));
            for (JsonObject item : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (incidentId.equals(item.getJsonObject("state").getString("incidentId", null))) {
                    return item.getString("id");
                }
            }
            url = page.containsKey("next") ? page.getString("next") : null;
        }
        throw new AssertionError("no incident " + incidentId + " in status " + status);
    }

    private static JsonObject vulnerability(List<String> ids, String grade, String asset) {
        return Json.createObjectBuilder().add("ids", Json.createArrayBuilder(ids)).add("name", "test vulnerability")
                .add("grade", grade).add("affectedAssets", Json.createArrayBuilder().add(asset)).build();
    }

    static JsonObject incident(String incidentId, String status) {
        return Json.createObjectBuilder().add("incidentId", incidentId).add("title", "Ransomware on fs-02")
                .add("category", "malware").add("subCategory", "malware/ransomware").add("grade", "II")
                .add("status", status).build();
    }

    static String envelope(String type, String producer, JsonObject body) {
        return Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("type", type)
                .add("specVersion", "1.0").add("producer", producer).add("time", Instant.now().toString())
                .add("body", body).build().toString();
    }

    private static String randomMac() {
        StringBuilder mac = new StringBuilder("02");
        for (int i = 0; i < 5; i++) {
            mac.append(':').append(String.format("%02X", (int) (Math.random() * 256)));
        }
        return mac.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
