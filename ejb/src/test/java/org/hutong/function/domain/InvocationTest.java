package org.hutong.function.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationTest {

    private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");

    private final Invocation invocation = new Invocation("protect.block-ip", Invocation.ALL, List.of("fw-b", "fw-a"),
            "{\"ip\":\"203.0.113.7\"}", Duration.ofSeconds(30), "soc", null, T0);

    @Test
    void givesEveryTargetItsOwnRequestIdAndDeadline() {
        // In product order, as they are read back from the database, not in the order they were named.
        assertThat(invocation.targets()).extracting(InvocationTarget::productId).containsExactly("fw-a", "fw-b");
        assertThat(invocation.targets()).extracting(InvocationTarget::requestId).doesNotHaveDuplicates();
        assertThat(invocation.targets()).allSatisfy(target -> {
            assertThat(target.status()).isEqualTo(TargetStatus.PENDING);
            assertThat(target.deadline()).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(invocation.status()).isEqualTo(InvocationStatus.RUNNING);
    }

    @Test
    void succeedsWhenEveryTargetSucceeded() {
        InvocationTarget a = invocation.targets().get(0);
        InvocationTarget b = invocation.targets().get(1);
        a.dispatched(T0);
        b.dispatched(T0);
        a.report(TargetStatus.ACCEPTED, null, null, T0.plusSeconds(1));
        a.report(TargetStatus.SUCCEEDED, "{\"rule\":7}", null, T0.plusSeconds(2));
        assertThat(invocation.status()).isEqualTo(InvocationStatus.RUNNING);

        b.report(TargetStatus.SUCCEEDED, null, null, T0.plusSeconds(3));

        assertThat(invocation.status()).isEqualTo(InvocationStatus.SUCCEEDED);
        assertThat(invocation.completedAt()).contains(T0.plusSeconds(3));
        assertThat(a.resultJson()).contains("{\"rule\":7}");
    }

    @Test
    void refusesALateResultAndKeepsTheOutcome() {
        InvocationTarget a = invocation.targets().get(0);
        assertThat(a.timeOut(T0.plusSeconds(29))).isFalse();
        assertThat(a.timeOut(T0.plusSeconds(31))).isTrue();

        assertThatThrownBy(() -> a.report(TargetStatus.SUCCEEDED, null, null, T0.plusSeconds(40)))
                .isInstanceOfSatisfying(ResultRefusedException.class, e -> assertThat(e.reason()).isEqualTo("late-result"));
        assertThat(a.status()).isEqualTo(TargetStatus.TIMED_OUT);
    }

    @Test
    void refusesStatusesOnlyTheHubSets() {
        assertThatThrownBy(() -> invocation.targets().get(0).report(TargetStatus.TIMED_OUT, null, null, T0))
                .isInstanceOfSatisfying(ResultRefusedException.class, e -> assertThat(e.reason()).isEqualTo("illegal-status"));
    }

    @Test
    void summarisesTheTargetsOutcomes() {
        assertThat(InvocationStatus.of(List.of(TargetStatus.SUCCEEDED, TargetStatus.FAILED)))
                .isEqualTo(InvocationStatus.PARTIALLY_SUCCEEDED);
        assertThat(InvocationStatus.of(List.of(TargetStatus.FAILED, TargetStatus.TIMED_OUT))).isEqualTo(InvocationStatus.FAILED);
        assertThat(InvocationStatus.of(List.of(TargetStatus.TIMED_OUT, TargetStatus.TIMED_OUT)))
                .isEqualTo(InvocationStatus.TIMED_OUT);
        assertThat(InvocationStatus.of(List.of(TargetStatus.SUCCEEDED, TargetStatus.ACCEPTED)))
                .isEqualTo(InvocationStatus.RUNNING);
    }
}
