package org.hutong.function.infrastructure.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.function.application.playbook.PlaybookExecution;
import org.hutong.function.application.playbook.PlaybookStore;
import org.junit.jupiter.api.Test;

class PlaybookTurnTest {

    /** Rows of three runs; the second run's step throws what {@code failure} says. */
    private static final class Execution extends PlaybookExecution {

        private final RuntimeException failure;
        final List<String> acted = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        Execution(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public List<PlaybookStore.StepRow> due(int max) {
            return List.of(row("run-1"), row("run-2"), row("run-3"));
        }

        @Override
        public boolean act(PlaybookStore.StepRow row) {
            if (row.runId().equals("run-2")) {
                throw failure;
            }
            acted.add(row.runId());
            return true;
        }

        @Override
        public void failRun(String runId, String stepId, String reason) {
            failed.add(runId + ": " + reason);
        }

        private static PlaybookStore.StepRow row(String run) {
            return PlaybookStore.StepRow.reached(run, "action--1", Optional.empty(), Instant.EPOCH);
        }
    }

    @Test
    void aStepThatCannotBeExecutedFailsItsRunAndTheOthersGoOn() {
        Execution execution = new Execution(new IllegalStateException("no such variable"));

        int changed = new PlaybookTurn(execution).run(10);

        assertThat(execution.acted).containsExactly("run-1", "run-3");
        assertThat(execution.failed).singleElement().asString().startsWith("run-2: ").endsWith("no such variable");
        assertThat(changed).isEqualTo(3);
    }

    @Test
    void theDatabaseOrBrokerBeingAwayFailsNoRunTheEngineWaitsItOut() {
        for (RuntimeException away : List.of(
                new IllegalStateException(new SQLException("Connection refused", "08001")),
                new IllegalStateException(new SQLException("deadlock detected", "40P01")),
                new jakarta.jms.JMSRuntimeException("broker gone"))) {
            Execution execution = new Execution(away);

            assertThatThrownBy(() -> new PlaybookTurn(execution).run(10)).isSameAs(away);
            assertThat(execution.failed).isEmpty();
        }
    }

    @Test
    void aValueTooLongIsTheRunsProblemNotTheDatabases() {
        Execution execution = new Execution(new IllegalStateException(new SQLException("value too long", "22001")));

        new PlaybookTurn(execution).run(10);

        assertThat(execution.failed).singleElement().asString().startsWith("run-2: ").endsWith("value too long");
    }
}
