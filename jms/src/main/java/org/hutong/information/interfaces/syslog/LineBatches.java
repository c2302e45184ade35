package org.hutong.information.interfaces.syslog;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.information.application.syslog.SyslogIngestion;
import org.hutong.information.application.syslog.SyslogLine;
import org.hutong.information.application.syslog.SyslogReceipt;

/**
 * Hands batches of lines to ingestion and does not return until they are durable: while the
 * database is unreachable it retries with back-off, and the caller stops reading meanwhile — so a
 * TCP or TLS sender is slowed down by its own socket buffers (back-pressure) instead of losing lines.
 */
final class LineBatches {

    private static final Logger LOG = Logger.getLogger(LineBatches.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);

    private final SyslogIngestion ingestion;
    private final SyslogMetrics metrics;
    private final BooleanSupplier running;

    LineBatches(SyslogIngestion ingestion, SyslogMetrics metrics, BooleanSupplier running) {
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.running = running;
    }

    /** @return false if the receiver stopped before the lines could be stored */
    boolean store(String transport, List<SyslogLine> lines) throws InterruptedException {
        Duration wait = FIRST_RETRY;
        while (running.getAsBoolean()) {
            try {
                SyslogReceipt receipt = ingestion.ingest(lines);
                metrics.counted(transport, receipt);
                return true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot store {0} syslog line(s) now ({1}); reading stops and they are"
                        + " offered again in {2} ms", new Object[] {lines.size(), e.toString(), wait.toMillis()});
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            }
        }
        LOG.log(Level.WARNING, "The syslog receiver stopped with {0} line(s) of {1} not stored",
                new Object[] {lines.size(), transport});
        return false;
    }
}
