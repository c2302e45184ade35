package org.hutong.function.application.playbook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The playbook engine's transactions. Each step row is worked on in a transaction of its own that
 * locks its run, so one run that cannot go on (whatever the reason) fails alone instead of holding
 * up the others, and two servers' engines never act on one run at once. Everything a run is lives in
 * its rows: after a restart the engine picks up where the last commit left it.
 */
@Stateless
public class PlaybookExecution {

    private static final Logger LOG = Logger.getLogger(PlaybookExecution.class.getName());

    @Inject
    PlaybookStore store;

    @Inject
    PlaybookRunner runner;

    @Inject
    Clock clock;

    /** The step rows there is work on now, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<PlaybookStore.StepRow> due(int max) {
        return store.actionable(clock.instant(), max);
    }

    /** Works on one row; answers whether it changed anything. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean act(PlaybookStore.StepRow row) {
        return runner.act(row);
    }

    /** Ends a run the engine could not move on, with the reason, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failRun(String runId, String stepId, String reason) {
        LOG.log(Level.WARNING, "Playbook run {0} failed at step {1}: {2}", new Object[] {runId, stepId, reason});
        runner.abandon(runId, "step " + stepId + " could not be executed: " + reason);
    }
}
