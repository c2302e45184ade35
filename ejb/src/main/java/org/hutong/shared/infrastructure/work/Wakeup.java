package org.hutong.shared.infrastructure.work;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells a background worker that a transaction of this server committed work for it, so that it
 * acts at once rather than at its next poll (which remains for other servers' work and for retries).
 */
public class Wakeup {

    private final Semaphore pending = new Semaphore(0);
    private final Object transactionKey = new Object();

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

    /** Wakes the worker when the current transaction commits (once, however often this is called in it). */
    public void wakeOnCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(transactionKey) != null) {
            return;
        }
        transactions.putResource(transactionKey, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }
}
