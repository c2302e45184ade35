package org.hutong.function.application.playbook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * One step of the playbook engine, in one transaction: one engine across servers (an advisory lock),
 * the due steps of ongoing runs executed, finished invocations and expired waits taken in. Everything a
 * run is lives in its rows, so after a restart the engine picks up where the last commit left it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class PlaybookExecution {

    @Inject
    PlaybookStore store;

    @Inject
    PlaybookRunner runner;

    @Inject
    Clock clock;

    /** @return how many step rows changed (0: nothing to do, or another server's engine is at work) */
    public int advance(int max) {
        if (!store.claimEngine()) {
            return 0;
        }
        int changed = 0;
        for (PlaybookStore.StepRow row : store.actionable(clock.instant(), max)) {
            if (runner.act(row)) {
                changed++;
            }
        }
        return changed;
    }
}
