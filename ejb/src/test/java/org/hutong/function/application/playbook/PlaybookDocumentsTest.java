package org.hutong.function.application.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Set;
import org.hutong.function.domain.playbook.Command;
import org.hutong.function.domain.playbook.Playbook;
import org.hutong.function.domain.playbook.StepType;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;

class PlaybookDocumentsTest {

    static final String ID = "playbook--6a1f8a52-3c4e-4f3e-9a43-1f2a7b9d0c11";
    static final String START = "start--0b0c7f6e-0a0e-4d51-8f63-6c4b1d2e3f40";
    static final String APPROVE = "action--1c1d8f7e-1b1f-4e62-9f74-7d5c2e3f4a51";
    static final String ISOLATE = "action--2d2e9f8e-2c2f-4f73-8a85-8e6d3f4a5b62";
    static final String CHECK = "if-condition--3e3f0a9e-3d3a-4a84-9b96-9f7e4a5b6c73";
    static final String DONE = "end--4f4a1b0e-4e4b-4b95-8ca7-a08f5b6c7d84";
    static final String REFUSED = "end--5a5b2c1e-5f5c-4ca6-9db8-b19a6c7d8e95";
    static final String ISOLATED = "end--6b6c3d2e-6a6d-4db7-8ec9-c2ab7d8e9fa6";

    /** Approve, isolate the host, look at what the EDR said; refused → end. */
    static final String ISOLATION = """
            {"type":"playbook","spec_version":"cacao-2.0","id":"%1$s","name":"Isolate a compromised host",
             "created_by":"identity--7c7d4e3e-7b7e-4ec8-9fda-d3bc8e9fa0b7","created":"2026-12-05T10:00:00.000Z",
             "modified":"2026-12-05T10:00:00.000Z","workflow_start":"%2$s",
             "playbook_variables":{"__host__":{"type":"ipv4-addr","external":true},
                                   "__isolated__":{"type":"string","value":"unknown"}},
             "workflow":{
               "%2$s":{"type":"start","on_completion":"%3$s"},
               "%3$s":{"type":"action","name":"Approve","timeout":60000,
                       "commands":[{"type":"manual","command":"Isolate __host__:value?"}],
                       "on_success":"%4$s","on_failure":"%6$s"},
               "%4$s":{"type":"action","name":"Isolate",
                       "commands":[{"type":"hutong-function","function":"dispose.isolate-host","target":"edr-01",
                                    "arguments":{"host":{"ip":"__host__:value"}}}],
                       "out_args":["__isolated__"],"on_success":"%5$s"},
               "%5$s":{"type":"if-condition","condition":"__isolated__:value = 'true'","on_true":"%8$s",
                       "on_completion":"%7$s"},
               "%8$s":{"type":"end"},
               "%7$s":{"type":"end"},
               "%6$s":{"type":"end"}}}""".formatted(ID, START, APPROVE, ISOLATE, CHECK, REFUSED, DONE, ISOLATED);

    static final PlaybookDocuments DOCUMENTS = new PlaybookDocuments(Set.of("dispose.isolate-host")::contains);

    @Test
    void readsAPlaybookOfTheSubset() {
        Playbook playbook = DOCUMENTS.read(ID, 2, ISOLATION);

        assertThat(playbook.version()).isEqualTo(2);
        assertThat(playbook.workflowStart()).isEqualTo(START);
        assertThat(playbook.step(APPROVE).command()).containsInstanceOf(Command.Manual.class);
        assertThat(playbook.step(APPROVE).timeout()).contains(Duration.ofMinutes(1));
        assertThat(playbook.step(ISOLATE).command()).contains(new Command.InvokeFunction("dispose.isolate-host", "edr-01",
                org.hutong.shared.domain.JsonApi.JSON.createObjectBuilder()
                        .add("host", org.hutong.shared.domain.JsonApi.JSON.createObjectBuilder().add("ip", "__host__:value"))
                        .build()));
        assertThat(playbook.step(CHECK).type()).isEqualTo(StepType.IF_CONDITION);
        assertThat(playbook.step(APPROVE).next(false)).contains(REFUSED);
        assertThat(playbook.variables().get("__host__").external()).isTrue();
        assertThat(playbook.variables().get("__isolated__").value()).contains("unknown");
    }

    @Test
    void whatIsOutsideTheSubsetIsRefusedWithTheReason() {
        String outside = ISOLATION.replace("\"workflow_start\"", "\"workflow_exception\":\"" + DONE + "\",\"workflow_start\"");
        InvalidPlaybookException schema = catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, outside),
                InvalidPlaybookException.class);
        assertThat(schema.violations()).extracting(Violation::pointer).containsExactly("/workflow_exception");

        String loop = ISOLATION.replace("\"if-condition\",\"condition\"", "\"while-condition\",\"condition\"");
        InvalidPlaybookException type = catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, loop),
                InvalidPlaybookException.class);
        assertThat(type.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/workflow/" + CHECK + "/type");
            assertThat(violation.message()).contains("outside the CACAO 2.0 subset");
        });
    }

    @Test
    void everySemanticViolationAtOnce() {
        String broken = ISOLATION.replace("dispose.isolate-host", "dispose.nuke")
                .replace("__isolated__:value = 'true'", "__isolated__ is true")
                .replace("\"on_success\":\"" + CHECK + "\"", "\"on_success\":\"" + DONE + "\"")
                .replace("Isolate __host__:value?", "Isolate __nobody__:value?")
                .replace("\"id\":\"" + ID + "\"", "\"id\":\"playbook--0d0e5f4e-0c0f-4fd9-8aeb-e4cd9fab0bc8\"");
        InvalidPlaybookException refused = catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, broken),
                InvalidPlaybookException.class);
        assertThat(refused.violations()).extracting(Violation::pointer).contains("/id",
                "/workflow/" + ISOLATE + "/commands/0/function", "/workflow/" + CHECK + "/condition",
                "/workflow/" + APPROVE + "/commands/0");
    }

    @Test
    void anInvocationMayTakeADayAtMostAndStepIdsFitTheirColumn() {
        String slow = ISOLATION.replace("\"name\":\"Isolate\",", "\"name\":\"Isolate\",\"timeout\":86400001,");
        assertThat(catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, slow), InvalidPlaybookException.class).violations())
                .extracting(Violation::pointer).containsExactly("/workflow/" + ISOLATE + "/timeout");
        String crowd = ISOLATION.replace("\"target\":\"edr-01\"", "\"target\":\"category:computing-environment\"");
        assertThat(catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, crowd), InvalidPlaybookException.class).violations())
                .extracting(Violation::pointer).containsExactly("/workflow/" + ISOLATE + "/out_args");
        String longId = ISOLATION.replace(DONE, "end--" + "x".repeat(100) + "--4f4a1b0e-4e4b-4b95-8ca7-a08f5b6c7d84");
        assertThat(catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, longId), InvalidPlaybookException.class))
                .isNotNull();
    }

    @Test
    void aWorkflowIsATreeReachedFromItsStart() {
        String merged = ISOLATION.replace("\"on_failure\":\"" + REFUSED + "\"", "\"on_failure\":\"" + DONE + "\"");
        InvalidPlaybookException refused = catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, merged),
                InvalidPlaybookException.class);
        assertThat(refused.violations()).extracting(Violation::pointer)
                .contains("/workflow/" + REFUSED, "/workflow/" + DONE);
        assertThat(refused.violations()).extracting(Violation::message)
                .anySatisfy(message -> assertThat(message).contains("not reached from workflow_start"))
                .anySatisfy(message -> assertThat(message).contains("more than one step"));

        String sameEitherWay = ISOLATION.replace("\"on_success\":\"" + CHECK + "\"",
                "\"on_success\":\"" + CHECK + "\",\"on_failure\":\"" + CHECK + "\"");
        assertThat(DOCUMENTS.read(ID, 1, sameEitherWay).step(ISOLATE).next(false)).contains(CHECK);

        String both = ISOLATION.replace("\"on_completion\":\"" + APPROVE + "\"",
                "\"on_completion\":\"" + APPROVE + "\",\"on_success\":\"" + APPROVE + "\"");
        assertThat(catchThrowableOfType(() -> DOCUMENTS.read(ID, 1, both), InvalidPlaybookException.class).violations())
                .extracting(Violation::pointer).contains("/workflow/" + START + "/on_success");
    }
}
