package org.hutong.function.infrastructure.rule;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.function.application.rule.RuleEvaluation;
import org.hutong.shared.application.Failures;
import org.hutong.shared.application.TransientFailures;

/**
 * The rule engine's steps, so that no stored item can stop it: when a batch fails for a reason of its
 * own (not the database or the broker being away, which the engine waits out), the next items are
 * taken one at a time, and an item that fails even alone is set aside — a {@code failed} firing, audited,
 * logged — before the engine goes on. Called from one thread only.
 */
final class PoisonTolerantSteps {

    private static final Logger LOG = Logger.getLogger(PoisonTolerantSteps.class.getName());

    private final RuleEvaluation evaluation;
    private final int batchMax;
    /** How many more items to take one at a time after a batch failed. */
    private int singly;

    PoisonTolerantSteps(RuleEvaluation evaluation, int batchMax) {
        this.evaluation = evaluation;
        this.batchMax = batchMax;
    }

    int next() {
        if (singly > 0) {
            return alone();
        }
        try {
            return evaluation.evaluateNext(batchMax);
        } catch (RuntimeException e) {
            if (TransientFailures.isInfrastructure(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "A batch of the rule engine failed ({0}); taking the next {1} items one at a time",
                    new Object[] {Failures.rootMessage(e), batchMax});
            singly = batchMax;
            return alone();
        }
    }

    private int alone() {
        try {
            int done = evaluation.evaluateNext(1);
            singly = done == 0 ? 0 : singly - 1;
            return done;
        } catch (RuntimeException e) {
            if (TransientFailures.isInfrastructure(e)) {
                throw e;
            }
            singly--;
            return evaluation.setAside(Failures.rootMessage(e));
        }
    }
}
