package org.hutong.shared.infrastructure.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WakeupTest {

    @Test
    void aWakeUpEndsTheWaitAndSeveralCountAsOne() throws InterruptedException {
        Wakeup signal = new Wakeup();
        signal.wake();
        signal.wake();

        long started = System.nanoTime();
        signal.await(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        // The two wake-ups were one: the next wait lasts its whole poll.
        started = System.nanoTime();
        signal.await(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
