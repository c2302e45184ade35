package org.hutong.shared.infrastructure.work;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens when the application's last module (the web module) has started. Queue consumers wait for
 * it: after a crash a backlog of thousands of messages would otherwise take both cores while the
 * rest of the application starts, and the hub would answer nothing until the backlog was gone.
 */
@ApplicationScoped
public class StartupGate {

    private final CountDownLatch started = new CountDownLatch(1);

    public void open() {
        started.countDown();
    }

    /** Waits until the gate opens or {@code atMost} has passed; either way the caller goes on. */
    public void awaitOpen(Duration atMost) throws InterruptedException {
        started.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }
}
