package org.hutong.information.application.syslog;

import java.time.Instant;
import java.util.Objects;

/**
 * One framed syslog line as it arrived, before anything is read from it.
 *
 * @param productId the product the connection proved (TLS client certificate) or the source address
 *        is bound to (TCP, UDP): never a name the line itself carries
 * @param transport {@code tls}, {@code tcp}, {@code udp}, or {@code kafka} for events consumed from a Kafka topic
 * @param peer the sender's address and port
 * @param bytes the line without its framing
 * @param receivedAt when it was read
 * @param truncated whether the line was longer than the receiver's limit and is cut there
 */
public record SyslogLine(String productId, String transport, String peer, byte[] bytes, Instant receivedAt,
        boolean truncated) {

    /** The transport of CEF, LEEF and syslog lines consumed from Kafka topics. */
    public static final String KAFKA = "kafka";

    public SyslogLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
