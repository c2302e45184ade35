package org.hutong.function.infrastructure.playbook;

import org.hutong.function.application.playbook.PlaybookExecution;
import org.hutong.function.application.playbook.PlaybookStore;
import org.hutong.shared.application.Failures;
import org.hutong.shared.application.TransientFailures;

/**
 * One turn of the playbook engine: every due row in a transaction of its own. A row whose step throws
 * fails its run, with the reason, unless the failure is the database's or the broker's (then the turn
 * stops and the engine retries with a back-off): one broken run never holds up the others.
 */
final class PlaybookTurn {

    private final PlaybookExecution execution;

    PlaybookTurn(PlaybookExecution execution) {
        this.execution = execution;
    }

    /** @return how many rows changed */
    int run(int max) {
        int changed = 0;
        for (PlaybookStore.StepRow row : execution.due(max)) {
            try {
                if (execution.act(row)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                if (TransientFailures.isInfrastructure(e)) {
                    throw e;
                }
                execution.failRun(row.runId(), row.stepId(), Failures.rootMessage(e));
                changed++;
            }
        }
        return changed;
    }
}
