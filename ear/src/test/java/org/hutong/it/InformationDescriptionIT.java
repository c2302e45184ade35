package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schemas and code lists every channel validates against, and every type's fixtures over HTTP. */
@ExtendWith(HubReady.class)
class InformationDescriptionIT {

    static java.util.stream.Stream<String> types() {
        return Fixtures.TYPES.stream();
    }

    @Test
    void servesTheSchemasOfTheEnvelopeAndEveryType() {
        var list = Hub.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Hub.API + "/schemas")).GET().build());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("envelope", "behavior", "alert", "asset", "vulnerability", "threat", "incident");

        HttpResponse<String> alert = Hub.get("/schemas/alert");
        assertThat(alert.statusCode()).isEqualTo(200);
        assertThat(alert.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        JsonObject schema = Hub.json(alert);
        assertThat(schema.getString("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.getJsonArray("required").toString()).contains("\"category\"", "\"severity\"");
        assertThat(Hub.get("/schemas/weather").statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheCodeListsWithChineseNames() {
        assertThat(Hub.get("/codelists").body()).contains("incident-category", "vulnerability-class", "product-category");

        JsonObject categories = Hub.json(Hub.get("/codelists/incident-category"));
        assertThat(categories.getString("source")).isEqualTo("GB/T 20986-2023");
        assertThat(categories.getJsonArray("entries").getValuesAs(JsonObject.class))
                .anySatisfy(entry -> {
                    assertThat(entry.getString("code")).isEqualTo("malware/ransomware");
                    assertThat(entry.getString("name")).isEqualTo("勒索软件");
                    assertThat(entry.getString("parent")).isEqualTo("malware");
                });
        assertThat(Hub.json(Hub.get("/codelists/incident-grade")).getJsonArray("entries").getJsonObject(0)
                .getString("name")).isEqualTo("特别重大");
        assertThat(Hub.get("/codelists/unknown").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @MethodSource("types")
    void acceptsTheValidFixtureOverHttp(String type) {
        HttpResponse<String> response = Hub.post("/information", "application/json",
                Fixtures.envelope(type, "valid", Hub.uniqueProducer("fixture")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(Hub.json(response).getString("type")).isEqualTo(type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void refusesTheInvalidFixtureOverHttpWithExactlyItsViolations(String type) {
        assertThat(violationPointers(Fixtures.envelope(type, "invalid", Hub.uniqueProducer("fixture"))))
                .containsExactlyInAnyOrderElementsOf(Fixtures.pointers(type, "violations"));
        if (!type.equals("behavior")) {
            assertThat(violationPointers(Fixtures.envelope(type, "semanticallyInvalid", Hub.uniqueProducer("fixture"))))
                    .containsExactlyInAnyOrderElementsOf(Fixtures.pointers(type, "semanticViolations"));
        }
    }

    private static java.util.List<String> violationPointers(String envelope) {
        HttpResponse<String> response = Hub.post("/information", "application/json", envelope);
        assertThat(response.statusCode()).isEqualTo(400);
        return Hub.json(response).getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .map(violation -> violation.getString("pointer")).distinct().toList();
    }
}
