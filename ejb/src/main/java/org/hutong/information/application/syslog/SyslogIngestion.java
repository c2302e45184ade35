package org.hutong.information.application.syslog;

import jakarta.ejb.Local;
import java.util.List;

/** How syslog lines enter the hub: through the same ingestion as every other channel. */
@Local
public interface SyslogIngestion {

    /**
     * Reads, maps and stores every line, or parks it with its reason, in one transaction: when this
     * returns, each line is durable as information or as a dead letter. An infrastructure failure
     * fails them all (nothing is stored) and the receiver offers them again.
     */
    SyslogReceipt ingest(List<SyslogLine> lines);

    /** Whether {@code productId} is registered and active now: a receiver closes the connections of others. */
    boolean mayPublish(String productId);
}
