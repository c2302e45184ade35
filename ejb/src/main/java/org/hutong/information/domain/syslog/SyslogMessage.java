package org.hutong.information.domain.syslog;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One syslog message as its header says (RFC 5424 or RFC 3164), with the text that follows it.
 *
 * @param format which header the line carried
 * @param facility 0..23 (-1 without a header)
 * @param severity 0 (emergency) .. 7 (debug) (-1 without a header)
 * @param timestamp when the sender says it happened, if the header carried a time
 * @param hostname the sending host, if named
 * @param appName the application (RFC 3164: the tag), if named
 * @param procId the process id, if named
 * @param msgId the message type (RFC 5424 only), if named
 * @param structuredData RFC 5424 structured data: SD-ID → parameter → its values in order
 * @param text the message after the header (a CEF or LEEF event, an envelope, or free text)
 */
public record SyslogMessage(HeaderFormat format, int facility, int severity, Optional<OffsetDateTime> timestamp,
        Optional<String> hostname, Optional<String> appName, Optional<String> procId, Optional<String> msgId,
        Map<String, Map<String, List<String>>> structuredData, String text) {

    /** The header formats Hutong reads. */
    public enum HeaderFormat {
        RFC5424, RFC3164,
        /** No syslog header at all: an event that came over another channel (a Kafka record). */
        NONE
    }

    public SyslogMessage {
        Objects.requireNonNull(format, "format");
        structuredData = Collections.unmodifiableMap(new LinkedHashMap<>(structuredData));
        Objects.requireNonNull(text, "text");
    }
}
