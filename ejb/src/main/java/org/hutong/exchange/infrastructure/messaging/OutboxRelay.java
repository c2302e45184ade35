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
import org.hutong.shared.application.Failures;

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

    private volatile boolean running;
    private Future<?> loop;

    @PostConstruct
    void start() {
        running = true;
        loop = executor.submit(this::relay);
        LOG.log(Level.INFO, "Outbox relay started: batches of up to {0}, polling every {1}", new Object[] {batchMax, poll});
    }

    @PreDestroy
    void stop() {
        running = false;
        signal.wake();
        if (loop != null) {
            loop.cancel(true);
        }
    }

    private void relay() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (!backoff.isZero()) {
                    Thread.sleep(backoff.toMillis());
                }
                int relayed = batch.relayOldest(batchMax);
                if (!backoff.isZero()) {
                    LOG.log(Level.INFO, "The outbox relay publishes again");
                    backoff = Duration.ZERO;
                }
                if (relayed == 0) {
                    signal.await(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (backoff.isZero()) {
                    LOG.log(Level.WARNING, "The outbox relay cannot publish; messages wait in the outbox: {0}",
                            Failures.rootMessage(e));
                }
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), maxBackoff);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
