package org.hutong.function.infrastructure.playbook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.function.application.playbook.PlaybookExecution;
import org.hutong.shared.infrastructure.work.WorkLoop;
import org.hutong.shared.infrastructure.work.Wakeup;

/**
 * Runs playbook steps on one container-managed thread, every {@code hutong.playbook.poll} when there is
 * nothing to do ({@link PlaybookTurn}); each step in a transaction of its own that locks its run, so the
 * engines of several servers share the work without acting on one run at once; retries with a back-off
 * while the database is away. Runs live in the database, so a restarted server continues them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaybookEngine {

    private static final Logger LOG = Logger.getLogger(PlaybookEngine.class.getName());

    @Resource
    ManagedExecutorService executor;

    @EJB
    PlaybookExecution execution;

    @Inject
    @ConfigProperty(name = "hutong.playbook.batch.max", defaultValue = "100")
    int batchMax;

    @Inject
    @ConfigProperty(name = "hutong.playbook.poll", defaultValue = "PT0.5S")
    Duration poll;

    @Inject
    @ConfigProperty(name = "hutong.outbox.max.backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    private WorkLoop loop;
    private Future<?> running;

    @PostConstruct
    void start() {
        loop = new WorkLoop(LOG, "The playbook engine cannot run; runs wait for it: {0}", "The playbook engine runs again",
                () -> new PlaybookTurn(execution).run(batchMax), new Wakeup(), poll, maxBackoff);
        running = executor.submit(loop);
        LOG.log(Level.INFO, "Playbook engine started: up to {0} steps a turn, every {1} when idle",
                new Object[] {batchMax, poll});
    }

    @PreDestroy
    void stop() {
        loop.stop();
        running.cancel(true);
    }
}
