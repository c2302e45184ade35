package org.hutong.exchange.infrastructure.messaging;

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
import org.hutong.exchange.infrastructure.persistence.OutboxSignal;
import org.hutong.shared.infrastructure.work.WorkLoop;

/**
 * Moves committed messages from the publication outbox to the broker, oldest first, on one
 * container-managed thread: at once when a transaction of this server commits some, otherwise
 * every {@code hutong.outbox.poll}. While the broker or the database is away the messages wait
 * in the outbox and the relay retries, backing off to {@code hutong.outbox.max.backoff}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedExecutorService executor;

    @EJB
    OutboxBatch batch;

    @Inject
    OutboxSignal signal;

    @Inject
    @ConfigProperty(name = "hutong.outbox.batch.max", defaultValue = "500")
    int batchMax;

    @Inject
    @ConfigProperty(name = "hutong.outbox.poll", defaultValue = "PT1S")
    Duration poll;

    @Inject
    @ConfigProperty(name = "hutong.outbox.max.backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    private WorkLoop loop;
    private Future<?> running;

    @PostConstruct
    void start() {
        loop = new WorkLoop(LOG, "The outbox relay cannot publish; messages wait in the outbox: {0}",
                "The outbox relay publishes again", () -> batch.relayOldest(batchMax), signal, poll, maxBackoff);
        running = executor.submit(loop);
        LOG.log(Level.INFO, "Outbox relay started: batches of up to {0}, polling every {1}", new Object[] {batchMax, poll});
    }

    @PreDestroy
    void stop() {
        loop.stop();
        running.cancel(true);
    }
}
