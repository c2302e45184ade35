package org.hutong.function.infrastructure.rule;

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
import org.hutong.exchange.infrastructure.messaging.InformationStoredSignal;
import org.hutong.function.application.rule.RuleEvaluation;
import org.hutong.shared.infrastructure.work.WorkLoop;

/**
 * Runs the linkage rules on one container-managed thread: at once when this server stores information,
 * else every {@code hutong.linkage.poll} (for what other servers stored). Only one server's engine
 * works at a time (a PostgreSQL advisory lock); while the database is away it retries with a back-off.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LinkageEngine {

    private static final Logger LOG = Logger.getLogger(LinkageEngine.class.getName());

    @Resource
    ManagedExecutorService executor;

    @EJB
    RuleEvaluation evaluation;

    @Inject
    InformationStoredSignal stored;

    @Inject
    @ConfigProperty(name = "hutong.linkage.batch.max", defaultValue = "500")
    int batchMax;

    @Inject
    @ConfigProperty(name = "hutong.linkage.poll", defaultValue = "PT1S")
    Duration poll;

    @Inject
    @ConfigProperty(name = "hutong.outbox.max.backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    private WorkLoop loop;
    private Future<?> running;

    @PostConstruct
    void start() {
        loop = new WorkLoop(LOG, "The rule engine cannot run; stored information waits for it: {0}",
                "The rule engine runs again", new PoisonTolerantSteps(evaluation, batchMax)::next, stored, poll,
                maxBackoff);
        running = executor.submit(loop);
        LOG.log(Level.INFO, "Rule engine started: up to {0} stored items a step", batchMax);
    }

    @PreDestroy
    void stop() {
        loop.stop();
        running.cancel(true);
    }
}
