package org.hutong.audit.infrastructure.sealing;

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
import org.hutong.audit.application.AuditSealing;
import org.hutong.audit.infrastructure.persistence.SealerWakeup;
import org.hutong.shared.infrastructure.work.WorkLoop;

/**
 * Seals committed audit entries into the chain on one container-managed thread: at once when a
 * transaction of this server commits some, otherwise every {@code hutong.audit.seal.poll} (other
 * servers' entries, retries). Every server runs one; the advisory lock lets one of them seal at a time.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

    @Resource
    ManagedExecutorService executor;

    @EJB
    AuditSealing sealing;

    @Inject
    SealerWakeup wakeup;

    @Inject
    @ConfigProperty(name = "hutong.audit.seal.batch.max", defaultValue = "1000")
    int batchMax;

    @Inject
    @ConfigProperty(name = "hutong.audit.seal.poll", defaultValue = "PT1S")
    Duration poll;

    private WorkLoop loop;
    private Future<?> running;

    @PostConstruct
    void start() {
        loop = new WorkLoop(LOG, "The audit sealer cannot seal; entries wait unsealed: {0}", "The audit sealer seals again",
                () -> sealing.sealOldest(batchMax), wakeup, poll, Duration.ofSeconds(10));
        running = executor.submit(loop);
        LOG.log(Level.INFO, "Audit sealer started: batches of up to {0}, polling every {1}", new Object[] {batchMax, poll});
    }

    @PreDestroy
    void stop() {
        loop.stop();
        running.cancel(true);
    }
}
