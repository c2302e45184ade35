package org.hutong.shared.infrastructure.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class WorkLoopTest {

    @Test
    void repeatsWhileThereIsWorkRetriesAFailureAndLogsTheOutageOnce() throws Exception {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        List<String> lines = new ArrayList<>();
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (lines) {
                    lines.add(record.getParameters() == null ? record.getMessage()
                            : record.getMessage().replace("{0}", String.valueOf(record.getParameters()[0])));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        AtomicInteger calls = new AtomicInteger();
        Wakeup wakeup = new Wakeup();
        WorkLoop[] loop = new WorkLoop[1];
        // Two steps with work, two failures, one more with work, then nothing left: the loop stops itself.
        loop[0] = new WorkLoop(log, "down: {0}", "up", () -> {
            int call = calls.incrementAndGet();
            if (call == 3 || call == 4) {
                throw new IllegalStateException("the database is away");
            }
            if (call >= 6) {
                loop[0].stop();
                return 0;
            }
            return 1;
        }, wakeup, Duration.ofSeconds(30), Duration.ofSeconds(1));

        Thread thread = new Thread(loop[0]);
        thread.start();
        thread.join(Duration.ofSeconds(20).toMillis());

        assertThat(thread.isAlive()).isFalse();
        assertThat(calls.get()).isEqualTo(6);
        synchronized (lines) {
            assertThat(lines).containsExactly("down: IllegalStateException: the database is away", "up");
        }
    }
}
