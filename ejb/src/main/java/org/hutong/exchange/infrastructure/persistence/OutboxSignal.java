package org.hutong.exchange.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay that a transaction of this server committed messages, so that they leave at once
 * rather than at the next poll (which is there for other servers' messages and for retries).
 */
@ApplicationScoped
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a wake-up or {@code poll}, whichever comes first. */
    public void await(Duration poll) throws InterruptedException {
        if (pending.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
