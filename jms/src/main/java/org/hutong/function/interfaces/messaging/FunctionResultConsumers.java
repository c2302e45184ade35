package org.hutong.function.interfaces.messaging;

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
import org.hutong.function.application.Invocations;
import org.hutong.security.interfaces.messaging.BrokerSenders;

/**
 * Takes the results products report on {@code hutong.function.results}, as text or UTF-8 bytes, in
 * the name of the sender the broker stamped, in batches without XA: up to
 * {@code hutong.results.batch.max} messages (or what arrives within {@code hutong.results.batch.wait})
 * are applied in one database transaction and acknowledged after its commit. A result that cannot
 * be applied is parked with its reason on {@code hutong.function.results.dlq}; a failure of the hub
 * itself rolls the batch back and the broker redelivers (a repeated result is refused by the
 * target's state machine, never applied twice).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FunctionResultConsumers {

    static final String QUEUE = "hutong.function.results";

    @Resource
    ManagedExecutorService executor;

    @EJB
    Invocations invocations;

    @Inject
    BrokerSenders senders;

    @Inject
    BrokerClient broker;

    @Inject
    StartupGate gate;

    @Inject
    @ConfigProperty(name = "hutong.results.consumers", defaultValue = "2")
    int consumers;

    @Inject
    @ConfigProperty(name = "hutong.results.batch.max", defaultValue = "200")
    int batchMax;

    @Inject
    @ConfigProperty(name = "hutong.results.batch.wait", defaultValue = "PT0.01S")
    Duration batchWait;

    @Inject
    @ConfigProperty(name = "hutong.broker.max.delivery.attempts", defaultValue = "10")
    int maxDeliveryAttempts;

    private BatchConsumers running;

    @PostConstruct
    void start() {
        running = BatchConsumers.start(executor, gate, QUEUE, consumers, broker::connect, batchMax, batchWait,
                maxDeliveryAttempts, handler());
    }

    @PreDestroy
    void stop() {
        running.stop();
    }

    BatchConsumerLoop.Handler handler() {
        return new BatchConsumerLoop.Handler() {
            @Override
            public void handle(List<Message> batch) {
                invocations.acceptResultMessages(ReceivedMessages.of(batch, senders::claimedUser, senders::of));
            }

            @Override
            public void park(Message message, String reason) {
                invocations.refuseResultMessage(ReceivedMessages.payloadOf(message), reason);
            }
        };
    }
}
