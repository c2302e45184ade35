package org.hutong.shared.infrastructure.work;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.shared.application.Failures;

/**
 * A background worker's loop, run on one container-managed thread: repeats its step while the step
 * finds work, otherwise waits for a {@link Wakeup} or the poll interval. A failing step (database or
 * broker away) is retried with a back-off doubling from 200 ms up to a maximum; the outage is
 * logged once when it starts and once when it ends.
 */
public final class WorkLoop implements Runnable {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final Logger log;
    private final String failing;
    private final String recovered;
    private final IntSupplier step;
    private final Wakeup wakeup;
    private final Duration poll;
    private final Duration maxBackoff;
    private volatile boolean running = true;

    /**
     * @param step does one unit of work in a transaction of its own and says how much it did (0: nothing waited)
     * @param failing logged (with the root cause as {0}) when the step starts failing
     * @param recovered logged when it works again
     */
    public WorkLoop(Logger log, String failing, String recovered, IntSupplier step, Wakeup wakeup, Duration poll,
            Duration maxBackoff) {
        this.log = log;
        this.failing = failing;
        this.recovered = recovered;
        this.step = step;
        this.wakeup = wakeup;
        this.poll = poll;
        this.maxBackoff = maxBackoff;
    }

    /** Ends the loop after its current step. */
    public void stop() {
        running = false;
        wakeup.wake();
    }

    @Override
    public void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (!backoff.isZero()) {
                    Thread.sleep(backoff.toMillis());
                }
                int done = step.getAsInt();
                if (!backoff.isZero()) {
                    log.log(Level.INFO, recovered);
                    backoff = Duration.ZERO;
                }
                if (done == 0) {
                    wakeup.await(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (backoff.isZero()) {
                    log.log(Level.WARNING, failing, Failures.rootMessage(e));
                }
                backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), maxBackoff);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
