package org.hutong.exchange.interfaces.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.shared.infrastructure.work.StartupGate;

/** Several {@link BatchConsumerLoop}s on one queue, each on a container-managed thread with its own session. */
public final class BatchConsumers {

    private static final Logger LOG = Logger.getLogger(BatchConsumers.class.getName());
    /** How long consumers wait for the application to start before they begin anyway. */
    static final Duration MAX_START_WAIT = Duration.ofMinutes(2);

    private final List<BatchConsumerLoop> loops = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();

    private BatchConsumers() {
    }

    /**
     * Starts {@code consumers} loops on {@code queue} once the application has started (or after
     * {@link #MAX_START_WAIT}); each batch goes to {@code handler}.
     */
    public static BatchConsumers start(ExecutorService executor, StartupGate gate, String queue, int consumers,
            BatchConsumerLoop.BrokerConnections broker, int batchMax, Duration batchWait, int maxDeliveryAttempts,
            BatchConsumerLoop.Handler handler) {
        BatchConsumers started = new BatchConsumers();
        for (int i = 0; i < consumers; i++) {
            BatchConsumerLoop loop = new BatchConsumerLoop(queue, broker, batchMax, batchWait, maxDeliveryAttempts, handler);
            started.loops.add(loop);
            started.running.add(executor.submit(() -> {
                try {
                    gate.awaitOpen(MAX_START_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                loop.run();
            }));
        }
        LOG.log(Level.INFO, "Consuming {0} with {1} consumers, batches of up to {2} messages or {3}, once the"
                + " application has started", new Object[] {queue, consumers, batchMax, batchWait});
        return started;
    }

    public void stop() {
        loops.forEach(BatchConsumerLoop::stop);
        running.forEach(future -> future.cancel(true));
    }
}
