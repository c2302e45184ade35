package org.hutong.information.interfaces.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.exchange.infrastructure.messaging.BrokerClient;
import org.hutong.shared.infrastructure.work.StartupGate;
import org.hutong.exchange.interfaces.messaging.BatchConsumerLoop;
import org.hutong.exchange.interfaces.messaging.BatchConsumers;
import org.hutong.exchange.interfaces.messaging.ReceivedMessages;
import org.hutong.information.application.InformationIngestion;
import org.hutong.shared.domain.Violation;
import org.hutong.security.interfaces.messaging.BrokerSenders;

/**
 * Takes envelopes from {@code hutong.information.ingress} in batches, without XA: each consumer
 * (container-managed thread, its own broker session) receives up to {@code hutong.ingress.batch.max}
 * messages or what arrives within {@code hutong.ingress.batch.wait}, has them stored in one database
 * transaction, and acknowledges them only after that commit. A crash in between redelivers them;
 * ingestion is idempotent on (producer, id), so nothing is stored twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InformationIngressConsumers {

    static final String QUEUE = "hutong.information.ingress";

    @Resource
    ManagedExecutorService executor;

    @EJB
    InformationIngestion ingestion;

    @Inject
    BrokerSenders senders;

    @Inject
    BrokerClient broker;

    @Inject
    StartupGate gate;

    @Inject
    @ConfigProperty(name = "hutong.ingress.consumers", defaultValue = "4")
    int consumers;

    @Inject
    @ConfigProperty(name = "hutong.ingress.batch.max", defaultValue = "500")
    int batchMax;

    @Inject
    @ConfigProperty(name = "hutong.ingress.batch.wait", defaultValue = "PT0.01S")
    Duration batchWait;

    @Inject
    @ConfigProperty(name = "hutong.broker.max.delivery.attempts", defaultValue = "10")
    int maxDeliveryAttempts;

    private BatchConsumers running;

    @PostConstruct
    void start() {
        running = BatchConsumers.start(executor, gate, QUEUE, consumers, broker::connect, batchMax, batchWait,
                maxDeliveryAttempts, new BatchConsumerLoop.Handler() {
                    @Override
                    public void handle(List<Message> batch) {
                        ingestion.ingestReceived(ReceivedMessages.of(batch, senders::claimedUser, senders::of));
                    }

                    @Override
                    public void park(Message message, String reason) {
                        ingestion.reject(ReceivedMessages.payloadOf(message), reason,
                                List.of(new Violation("", reason)));
                    }
                });
    }

    @PreDestroy
    void stop() {
        running.stop();
    }
}
