package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CACAO 2.0 playbooks end to end: stored and refused with reasons, run durably across a server restart,
 * with a manual approval, parallel invocations on products that use plain JMS, an if-condition on what a
 * product answered, and every step visible at /api/v1/playbook-runs/{id} and audited.
 */
@ExtendWith(HubReady.class)
class PlaybookIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final List<VendorProduct> products = new ArrayList<>();
    private final List<String> playbooks = new ArrayList<>();

    private final String start = step("start");
    private final String approve = step("action");
    private final String parallel = step("parallel");
    private final String isolate = step("action");
    private final String block = step("action");
    private final String check = step("if-condition");
    private final String isolated = step("end");
    private final String done = step("end");
    private final String refused = step("end");

    private static String step(String type) {
        return type + "--" + UUID.randomUUID();
    }

    @AfterEach
    void removeThem() {
        playbooks.forEach(id -> TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/playbooks/"
                + id)).DELETE().build()));
        products.forEach(VendorProduct::deregister);
    }

    private VendorProduct product(String prefix, String category, List<String> functions) {
        VendorProduct product = VendorProduct.register(prefix + "-" + suffix, category, functions, List.of(), List.of());
        products.add(product);
        return product;
    }

    /** Approve → isolate the host and block the attacker in parallel → look at what the EDR said → end. */
    private String isolation(String id, String edr, String firewall, int approvalTimeoutMillis) {
        return """
                {"type":"playbook","spec_version":"cacao-2.0","id":"%s","name":"Contain a compromised host",
                 "created_by":"identity--%s","created":"2026-12-05T10:00:00.000Z","modified":"2026-12-05T10:00:00.000Z",
                 "workflow_start":"%s",
                 "playbook_variables":{"__host__":{"type":"ipv4-addr","external":true},
                                       "__attacker__":{"type":"ipv4-addr","external":true},
                                       "__isolated__":{"type":"string","value":"unknown"}},
                 "workflow":{
                   "%s":{"type":"start","on_completion":"%s"},
                   "%s":{"type":"action","name":"Approve the containment","timeout":%d,
                         "commands":[{"type":"manual","command":"Isolate __host__:value and block __attacker__:value?"}],
                         "on_success":"%s","on_failure":"%s"},
                   "%s":{"type":"parallel","next_steps":["%s","%s"],"on_completion":"%s"},
                   "%s":{"type":"action","name":"Isolate the host","out_args":["__isolated__"],
                         "commands":[{"type":"hutong-function","function":"dispose.isolate-host","target":"%s",
                                      "arguments":{"host":{"ip":"__host__:value"},"reason":"playbook"}}]},
                   "%s":{"type":"action","name":"Block the attacker",
                         "commands":[{"type":"hutong-function","function":"protect.block-ip","target":"%s",
                                      "arguments":{"ip":"__attacker__:value","duration":"PT1H"}}]},
                   "%s":{"type":"if-condition","condition":"__isolated__:value = 'true'","on_true":"%s",
                         "on_completion":"%s"},
                   "%s":{"type":"end","name":"Isolated"},
                   "%s":{"type":"end","name":"Contained"},
                   "%s":{"type":"end","name":"Not approved"}}}"""
                .formatted(id, UUID.randomUUID(), start, start, approve, approve, approvalTimeoutMillis, parallel, refused,
                        parallel, isolate, block, check, isolate, edr, block, firewall, check, isolated, done, isolated,
                        done, refused);
    }

    private String save(String document, int expectedStatus) {
        String id = Hub.json(document).getString("id");
        HttpResponse<String> saved = TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API
                + "/playbooks/" + id)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(document)).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(expectedStatus);
        playbooks.add(id);
        return id;
    }

    private static JsonObject startRun(String playbook, Map<String, String> variables) {
        HttpResponse<String> started = Hub.post("/playbooks/" + playbook + "/runs", "application/json",
                Json.createObjectBuilder().add("variables", Json.createObjectBuilder(Map.copyOf(variables))).build()
                        .toString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Hub.json(started);
    }

    private static JsonObject run(String id) {
        HttpResponse<String> response = Hub.get("/playbook-runs/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Hub.json(response);
    }

    private static Map<String, String> stepStatuses(JsonObject run) {
        return run.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(step -> step.getString("step"), step -> step.getString("status")));
    }

    private static JsonObject awaitStep(String runId, String step, String status) {
        Hub.await(Duration.ofSeconds(30), "step " + step + " " + status, () -> status.equals(stepStatuses(run(runId)).get(step)));
        return run(runId);
    }

    private static HttpResponse<String> decide(String runId, String step, String outcome) {
        return Hub.post("/playbook-runs/" + runId + "/steps/" + step + "/complete", "application/json",
                "{\"outcome\":\"" + outcome + "\",\"comment\":\"checked the host\"}");
    }

    @Test
    void aRunWaitsForApprovalContinuesAfterARestartAndActsInParallel() {
        VendorProduct edr = product("edr", "computing-environment", List.of("dispose.isolate-host"));
        VendorProduct firewall = product("fw", "area-boundary", List.of("protect.block-ip"));
        String id = "playbook--" + UUID.randomUUID();
        save(isolation(id, edr.id(), firewall.id(), 600_000), 201);
        assertThat(Hub.json(Hub.get("/playbooks/" + id)).getInt("version")).isEqualTo(1);
        save(isolation(id, edr.id(), firewall.id(), 600_000), 200);
        assertThat(Hub.json(Hub.get("/playbooks/" + id)).getInt("version")).isEqualTo(2);

        HttpResponse<String> internal = Hub.post("/playbooks/" + id + "/runs", "application/json",
                "{\"variables\":{\"__isolated__\":\"true\"}}");
        assertThat(internal.statusCode()).as("only external variables are set by whoever starts a run").isEqualTo(400);

        String runId = startRun(id, Map.of("__host__", "10.9.8.7", "__attacker__", "198.51.100.9")).getString("id");
        JsonObject waiting = awaitStep(runId, approve, "await_user_input");
        assertThat(waiting.getString("status")).isEqualTo("ongoing");
        assertThat(waiting.getJsonArray("steps").getValuesAs(JsonObject.class)).filteredOn(s -> s.getString("step")
                .equals(approve)).singleElement().satisfies(s -> assertThat(s.getString("detail"))
                        .startsWith("Isolate 10.9.8.7 and block 198.51.100.9?"));

        // The run lives in the database: a restarted server continues it.
        Hub.restartServer();
        Hub.awaitReady(Duration.ofSeconds(180));
        assertThat(stepStatuses(run(runId)).get(approve)).isEqualTo("await_user_input");
        HttpResponse<String> auditorDecides = TestIdentities.AUDITOR.post("/playbook-runs/" + runId + "/steps/" + approve
                + "/complete", "application/json", "{\"outcome\":\"success\"}");
        assertThat(auditorDecides.statusCode()).isEqualTo(403);
        HttpResponse<String> approved = decide(runId, approve, "success");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        JsonObject isolation = edr.takeCommandAndReport(Json.createObjectBuilder().add("isolated", true).build());
        assertThat(isolation.getJsonObject("arguments").getJsonObject("host").getString("ip")).isEqualTo("10.9.8.7");
        JsonObject blocking = firewall.takeCommandAndSucceed();
        assertThat(blocking.getJsonObject("arguments").getString("ip")).isEqualTo("198.51.100.9");

        Hub.await(Duration.ofSeconds(30), "the run to end", () -> !"ongoing".equals(run(runId).getString("status")));
        JsonObject ended = run(runId);
        assertThat(ended.getString("status")).as(ended.toString()).isEqualTo("successfully_executed");
        assertThat(ended.getJsonObject("variables").getString("__isolated__")).isEqualTo("true");
        assertThat(stepStatuses(ended)).as("every step reached, and the condition's true branch")
                .containsOnlyKeys(start, approve, parallel, isolate, block, check, isolated, done)
                .allSatisfy((step, status) -> assertThat(status).isEqualTo("successfully_executed"));
        assertThat(ended.getJsonArray("steps").getValuesAs(JsonObject.class)).filteredOn(s -> s.getString("step")
                .equals(approve)).singleElement().satisfies(s -> assertThat(s.getString("decidedBy")).isEqualTo("oscar"));
        assertThat(Hub.json(Hub.get("/invocations/" + isolation.getString("invocation_id"))).getString("requestedBy"))
                .isEqualTo("playbook-run:" + runId);
        assertThat(decide(runId, approve, "success").statusCode()).as("a late decision").isEqualTo(409);
        assertThat(Hub.json(Hub.get("/audit?action=playbook.step&limit=1000")).getJsonArray("items").toString())
                .contains(runId + "/" + isolate).contains(runId + "/" + done);

        // Deleted and stored again, a playbook never reuses a version number its runs name.
        assertThat(TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/playbooks/" + id)).DELETE()
                .build()).statusCode()).isEqualTo(204);
        save(isolation(id, edr.id(), firewall.id(), 600_000), 201);
        assertThat(Hub.json(Hub.get("/playbooks/" + id)).getInt("version")).isEqualTo(3);
    }

    @Test
    void aRefusedOrUnansweredApprovalTakesTheFailurePathAndInvokesNothing() {
        VendorProduct edr = product("edr", "computing-environment", List.of("dispose.isolate-host"));
        VendorProduct firewall = product("fw", "area-boundary", List.of("protect.block-ip"));
        String id = save(isolation("playbook--" + UUID.randomUUID(), edr.id(), firewall.id(), 1000), 201);

        String expiring = startRun(id, Map.of("__host__", "10.9.8.1", "__attacker__", "198.51.100.1")).getString("id");
        awaitStep(expiring, approve, "timeout_error");
        String rejected = startRun(id, Map.of("__host__", "10.9.8.2", "__attacker__", "198.51.100.2")).getString("id");
        awaitStep(rejected, approve, "await_user_input");
        assertThat(decide(rejected, approve, "failure").statusCode()).isEqualTo(200);

        for (String runId : List.of(expiring, rejected)) {
            Hub.await(Duration.ofSeconds(30), "run " + runId + " to end", () -> !"ongoing".equals(run(runId).getString("status")));
            assertThat(stepStatuses(run(runId))).as("approval, then the refusal's end only")
                    .containsOnlyKeys(start, approve, refused);
        }
        assertThat(stepStatuses(run(rejected)).get(approve)).isEqualTo("failed");
        assertThat(run(rejected).getString("status")).isEqualTo("successfully_executed");
        assertThat(run(rejected).getString("reason")).as("the failure path is on record")
                .contains(approve).contains("failed").contains(refused);
        assertThat(run(expiring).getString("reason")).contains("timeout_error");
        edr.assertNoCommand();
        firewall.assertNoCommand();
    }

    @Test
    void aPlaybookOutsideTheSubsetIsRefusedWithTheReason() {
        String id = "playbook--" + UUID.randomUUID();
        String loop = isolation(id, "edr-x", "fw-x", 60_000).replace("\"if-condition\",\"condition\"",
                "\"while-condition\",\"condition\"");
        HttpResponse<String> refusedLoop = TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API
                + "/playbooks/" + id)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(loop)).build());
        assertThat(refusedLoop.statusCode()).isEqualTo(400);
        assertThat(refusedLoop.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Hub.json(refusedLoop).getJsonArray("violations").getValuesAs(JsonObject.class))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.getString("pointer")).isEqualTo("/workflow/" + check + "/type");
                    assertThat(violation.getString("message")).contains("outside the CACAO 2.0 subset");
                });
        HttpResponse<String> byAProduct = TestIdentities.product(product("edr", "computing-environment",
                List.of("dispose.isolate-host")).id()).get("/playbooks");
        assertThat(byAProduct.statusCode()).isEqualTo(403);
    }
}
