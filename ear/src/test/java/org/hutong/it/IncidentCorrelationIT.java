package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Incident correlation end to end: an IDS's alerts, grouped by a correlating rule, become incidents the
 * hub grades, links and publishes on {@code hutong.information.incident} with every change — including
 * the transitions an operator makes — to a subscriber that uses plain JMS.
 */
@ExtendWith(HubReady.class)
class IncidentCorrelationIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final List<VendorProduct> products = new ArrayList<>();
    private final String rule = "correlate-" + suffix;

    @AfterEach
    void removeThem() {
        TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/rules/" + rule)).DELETE().build());
        products.forEach(VendorProduct::deregister);
    }

    private VendorProduct product(String prefix, String category, List<String> publishes, List<String> subscribes) {
        VendorProduct product = VendorProduct.register(prefix + "-" + suffix, category, List.of(), publishes, subscribes);
        products.add(product);
        return product;
    }

    private void correlateBySource(String ids) {
        HttpResponse<String> saved = TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/rules/"
                + rule)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                {"name":"Attacks by source","trigger":{"type":"alert","producers":["%s"],"categories":["network-attack","malware"]},
                 "action":{"correlate":{"by":"${/body/source/ip}","within":"PT10M"}}}""".formatted(ids))).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static String envelope(String producer, String type, String body) {
        return """
                {"id":"%s","type":"%s","specVersion":"1.0","producer":"%s","time":"%s","body":%s}"""
                .formatted(UUID.randomUUID(), type, producer, Instant.now(), body);
    }

    /** Publishes an alert; answers its hub id. */
    private static String alert(VendorProduct ids, String source, String destination, int severity, String category) {
        HttpResponse<String> response = ids.publish(envelope(ids.id(), "alert", """
                {"name":"SSH brute force","category":"%s","severity":%d,
                 "source":{"ip":"%s"},"destination":{"ip":"%s","port":22}}""".formatted(category, severity, source,
                destination)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Hub.json(response).getJsonObject("hub").getString("id");
    }

    /** The incidents an alert joined, once the rule engine has looked at it. */
    private static List<String> incidentsOf(String alert) {
        List<String> incidents = new ArrayList<>();
        Hub.await(Duration.ofSeconds(30), "alert " + alert + " correlated", () -> {
            incidents.clear();
            HttpResponse<String> links = Hub.get("/information/" + alert + "/incidents");
            assertThat(links.statusCode()).as(links.body()).isEqualTo(200);
            Hub.json("{\"l\":" + links.body() + "}").getJsonArray("l")
                    .getValuesAs(JsonObject.class).forEach(link -> incidents.add(link.getString("incidentId")));
            return !incidents.isEmpty();
        });
        return incidents;
    }

    private static JsonObject incident(String id) {
        HttpResponse<String> response = Hub.get("/incidents/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Hub.json(response);
    }

    private static List<String> strings(JsonObject state, String member) {
        return state.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The publications of {@code incident} a subscriber receives, until {@code count} arrived. */
    private static List<JsonObject> publications(VendorProduct subscriber, String incident, int count) {
        List<JsonObject> received = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            JsonObject item = subscriber.receive("incident", Duration.ofSeconds(5));
            if (item != null && incident.equals(item.getJsonObject("body").getString("incidentId", null))) {
                received.add(item);
            }
        }
        return received;
    }

    @Test
    void alertsFromOneSourceBecomeOneGradedIncidentPublishedWithEveryChange() {
        VendorProduct ids = product("ids", "area-boundary", List.of("alert", "asset"), List.of());
        VendorProduct soc = product("soc", "security-management", List.of(), List.of("incident"));
        String database = "db-" + suffix;
        String databaseIp = "203.0.113." + (1 + (int) (Math.random() * 250));
        assertThat(ids.publish(envelope(ids.id(), "asset", """
                {"assetId":"%s","name":"Payments database","kind":"database","network":{"ips":["%s"]},"importance":5}"""
                .formatted(database, databaseIp))).statusCode()).isEqualTo(201);
        correlateBySource(ids.id());
        String attacker = "198.51.100." + (1 + (int) (Math.random() * 250));

        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alerts.add(alert(ids, attacker, databaseIp, 3, "network-attack/credential-attack"));
        }
        String other = alert(ids, "198.51.100.251".equals(attacker) ? "198.51.100.252" : "198.51.100.251",
                "192.0.2.1", 2, "network-attack/scan");

        String incident = incidentsOf(alerts.get(0)).get(0);
        for (String alert : alerts) {
            assertThat(incidentsOf(alert)).as("the incidents of %s", alert).containsExactly(incident);
        }
        assertThat(incidentsOf(other)).as("another source, another incident").doesNotContain(incident).hasSize(1);

        JsonObject state = incident(incident).getJsonObject("state");
        assertThat(state.getString("category")).isEqualTo("network-attack");
        assertThat(state.getString("subCategory")).isEqualTo("network-attack/credential-attack");
        assertThat(state.getString("grade")).as("severity 3 → III, one up for an asset of importance 5").isEqualTo("II");
        assertThat(state.getString("status")).isEqualTo("new");
        assertThat(strings(state, "relatedAlerts")).containsExactlyElementsOf(alerts);
        assertThat(strings(state, "affectedAssets")).containsExactly(database);
        assertThat(state.getString("reporter")).isEqualTo("hutong");
        JsonObject otherState = incident(incidentsOf(other).get(0)).getJsonObject("state");
        assertThat(otherState.getString("grade")).as("severity 2, no known asset").isEqualTo("IV");
        assertThat(Hub.json("{\"l\":" + Hub.get("/incidents/" + incident + "/alerts").body() + "}").getJsonArray("l")
                .getValuesAs(JsonObject.class)).extracting(link -> link.getString("alertId"))
                .containsExactlyElementsOf(alerts);

        // Opened, then joined twice: three publications, each with the hub as producer and the hub's id.
        List<JsonObject> published = publications(soc, incident, 3);
        assertThat(published).hasSize(3);
        assertThat(published).allSatisfy(item -> assertThat(item.getString("producer")).isEqualTo("hutong"));
        assertThat(published).extracting(item -> item.getJsonObject("body").getJsonObject("extension")
                .getJsonObject("hutong").getString("change")).containsExactly("opened", "joined", "joined");
        assertThat(published.get(0).getJsonObject("body").getJsonObject("extension").getJsonObject("hutong")
                .getString("origin")).isEqualTo("correlated");
        assertThat(published.get(2).getJsonObject("body").getJsonArray("relatedAlerts")).hasSize(3);

        // An operator's transition is published too, and a later alert joins without undoing it.
        HttpResponse<String> moved = Hub.post("/incidents/" + incident + "/transitions", "application/json",
                "{\"status\":\"investigating\",\"comment\":\"on it\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(publications(soc, incident, 1)).singleElement().satisfies(item -> {
            assertThat(item.getJsonObject("body").getString("status")).isEqualTo("investigating");
            assertThat(item.getJsonObject("body").getJsonObject("extension").getJsonObject("hutong")
                    .getString("change")).isEqualTo("status");
        });
        String fourth = alert(ids, attacker, databaseIp, 4, "malware/trojan");
        assertThat(incidentsOf(fourth)).containsExactly(incident);
        JsonObject joined = publications(soc, incident, 1).get(0).getJsonObject("body");
        assertThat(joined.getString("status")).isEqualTo("investigating");
        assertThat(joined.getString("category")).as("the most severe alert names the kind").isEqualTo("malware");
        assertThat(joined.getString("grade")).as("severity 4 → II, one up for the asset").isEqualTo("I");

        // Once resolved, the incident takes no more alerts: the source's next alert opens a new one.
        for (String status : List.of("contained", "resolved")) {
            assertThat(Hub.post("/incidents/" + incident + "/transitions", "application/json",
                    "{\"status\":\"" + status + "\"}").statusCode()).isEqualTo(200);
        }
        String afterResolution = alert(ids, attacker, databaseIp, 3, "network-attack/credential-attack");
        assertThat(incidentsOf(afterResolution)).doesNotContain(incident).hasSize(1);
        assertThat(incident(incident).getJsonObject("state").getString("status")).isEqualTo("resolved");
    }

    @Test
    void noProductCanSpeakForTheHubOrMoveItsIncidentsByNamingThem() {
        VendorProduct ids = product("ids", "area-boundary", List.of("alert", "incident"), List.of());
        correlateBySource(ids.id());
        String incident = incidentsOf(alert(ids, "198.51.100.77", "192.0.2.7", 2, "network-attack/scan")).get(0);

        // Products read information, not the links between alerts and incidents, nor incidents.
        String alert = alert(ids, "198.51.100.78", "192.0.2.8", 2, "network-attack/scan");
        assertThat(TestIdentities.product(ids.id()).get("/information/" + alert + "/incidents").statusCode())
                .isEqualTo(403);
        assertThat(TestIdentities.product(ids.id()).get("/incidents/" + incident + "/alerts").statusCode())
                .isEqualTo(403);

        // The producer id the hub reports under cannot be registered …
        HttpResponse<String> registration = Hub.post("/products", "application/json", """
                {"id":"hutong","vendor":"Evil","name":"hub","version":"1","category":"security-management",
                 "functions":[],"publishes":["incident"],"subscribes":[],"commands":{"channel":"jms"}}""");
        assertThat(registration.statusCode()).as(registration.body()).isEqualTo(400);
        assertThat(Hub.json(registration).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(violation -> violation.getString("pointer")).containsExactly("/id");
        // … nor written by a product as its producer …
        HttpResponse<String> forged = ids.publish(envelope("hutong", "incident", """
                {"incidentId":"%s","title":"closed by me","category":"network-attack","grade":"IV","status":"closed"}"""
                .formatted(incident)));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        // … and a product's own incident with the hub's id is the product's incident, not the hub's.
        HttpResponse<String> own = ids.publish(envelope(ids.id(), "incident", """
                {"incidentId":"%s","title":"mine","category":"network-attack","grade":"IV","status":"closed"}"""
                .formatted(incident)));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        JsonObject state = incident(incident).getJsonObject("state");
        assertThat(state.getString("status")).isEqualTo("new");
        assertThat(state.getString("reporter")).isEqualTo("hutong");
    }
}
