package org.hutong.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Submits calls on a fixed schedule: call {@code i} is due at {@code start + i / rate}, whenever the
 * calls before it finish, so a stalled hub cannot slow the schedule down and hide its stall
 * (no coordinated omission).
 */
final class FixedRate {

    /** One call; {@code scheduledNanos} is when the schedule said it was due ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface Call {
        void run(int index, long scheduledNanos) throws Exception;
    }

    private FixedRate() {
    }

    static void submit(int ratePerSecond, int total, ExecutorService callers, Call call) throws InterruptedException {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / ratePerSecond;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            callers.submit(() -> {
                call.run(index, scheduled);
                return null;
            });
        }
    }
}
