package org.hutong.function.infrastructure.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hutong.function.application.rule.RuleEvaluation;
import org.junit.jupiter.api.Test;

class PoisonTolerantStepsTest {

    /** Ten stored items; the fourth fails whenever it is evaluated, with {@code failure}. */
    private static final class Evaluation extends RuleEvaluation {

        private final RuntimeException failure;
        int position;
        final List<Integer> evaluated = new ArrayList<>();
        final List<String> setAside = new ArrayList<>();

        Evaluation(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public int evaluateNext(int max) {
            int end = Math.min(10, position + max);
            if (position < 4 && end >= 4) {
                throw failure;
            }
            for (int item = position + 1; item <= end; item++) {
                evaluated.add(item);
            }
            int done = end - position;
            position = end;
            return done;
        }

        @Override
        public int setAside(String reason) {
            position++;
            setAside.add(position + ": " + reason);
            return 1;
        }
    }

    @Test
    void anItemThatFailsEvenAloneIsSetAsideAndTheRestAreEvaluated() {
        Evaluation evaluation = new Evaluation(new IllegalStateException("cannot read the alert"));
        PoisonTolerantSteps steps = new PoisonTolerantSteps(evaluation, 5);

        while (steps.next() > 0) {
            // until nothing is left
        }

        assertThat(evaluation.setAside).singleElement().asString().startsWith("4: ").endsWith("cannot read the alert");
        assertThat(evaluation.evaluated).containsExactly(1, 2, 3, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void theDatabaseBeingAwaySetsNothingAside() {
        RuntimeException away = new IllegalStateException(new SQLException("Connection refused", "08001"));
        Evaluation evaluation = new Evaluation(away);
        PoisonTolerantSteps steps = new PoisonTolerantSteps(evaluation, 5);

        assertThatThrownBy(steps::next).isSameAs(away);
        assertThat(evaluation.setAside).isEmpty();
        assertThat(evaluation.evaluated).isEmpty();
    }
}
