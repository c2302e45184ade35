package org.hutong.exchange.infrastructure.kafka;

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
import org.hutong.shared.infrastructure.work.WorkLoop;

/**
 * Moves committed records from the Kafka outbox to Kafka, oldest first, on one container-managed
 * thread (at once when this server commits some, else every {@code hutong.outbox.poll}); while Kafka
 * or the database is away they wait in the outbox. Off unless {@code hutong.kafka.outbound} routes a type.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KafkaRelay {

    private static final Logger LOG = Logger.getLogger(KafkaRelay.class.getName());

    @Resource
    ManagedExecutorService executor;

    @EJB
    KafkaOutboxBatch batch;

    @Inject
    KafkaOutboxTable outbox;

    @Inject
    KafkaRelaySignal signal;

    @Inject
    @ConfigProperty(name = "hutong.kafka.outbound.batch.max", defaultValue = "500")
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
        if (outbox.routes().isEmpty()) {
            LOG.log(Level.INFO, "Kafka publication is off (hutong.kafka.bootstrap or hutong.kafka.outbound empty)");
            return;
        }
        loop = new WorkLoop(LOG, "The Kafka relay cannot publish; records wait in the Kafka outbox: {0}",
                "The Kafka relay publishes again", () -> batch.relayOldest(batchMax), signal, poll, maxBackoff);
        running = executor.submit(loop);
        LOG.log(Level.INFO, "Kafka relay started: {0}, transactions of up to {1} records",
                new Object[] {outbox.routes(), batchMax});
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.stop();
            running.cancel(true);
        }
    }
}
