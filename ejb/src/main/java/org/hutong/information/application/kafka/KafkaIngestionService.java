package org.hutong.information.application.kafka;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hutong.exchange.application.ConsumedOffsets;
import org.hutong.exchange.application.ConsumedOffsets.Position;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.syslog.SyslogIngestion;
import org.hutong.information.application.syslog.SyslogLine;

/**
 * The Kafka side of ingestion: the same admission as every channel (the records' sender is the product
 * their topic is bound to), and the consumer's position in the same transaction — so a crash between
 * storing and Kafka's offset commit neither loses a record nor reads one twice. A record that is not
 * JSON (an envelope or an array of them) is an event — CEF, LEEF, or a whole syslog line — mapped by
 * the product's syslog mapping table, and parked as a syslog dead letter if it cannot be.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class KafkaIngestionService implements KafkaIngestion {

    private static final int MAX_PEER = 128;

    @EJB
    InformationIngestion ingestion;

    @EJB
    SyslogIngestion events;

    @Inject
    ConsumedOffsets offsets;

    @Inject
    Clock clock;

    @Override
    public void ingest(String group, List<ReceivedMessage> records, List<Position> next) {
        List<ReceivedMessage> envelopes = new ArrayList<>(records.size());
        List<SyslogLine> lines = new ArrayList<>();
        for (ReceivedMessage record : records) {
            if (isEvent(record)) {
                String peer = record.claimedUser() == null ? SyslogLine.KAFKA : record.claimedUser();
                lines.add(new SyslogLine(record.sender().productId(), SyslogLine.KAFKA,
                        peer.length() <= MAX_PEER ? peer : peer.substring(0, MAX_PEER),
                        record.payload().getBytes(StandardCharsets.UTF_8), clock.instant(), false));
            } else {
                envelopes.add(record);
            }
        }
        if (!envelopes.isEmpty()) {
            ingestion.ingestReceived(envelopes);
        }
        if (!lines.isEmpty()) {
            events.ingest(lines);
        }
        offsets.save(group, next);
    }

    /** A readable record of a known product whose text is not JSON. */
    static boolean isEvent(ReceivedMessage record) {
        if (record.unreadable() || record.sender() == null || record.sender().isHub()) {
            return false;
        }
        String text = record.payload().stripLeading();
        return !text.isEmpty() && text.charAt(0) != '{' && text.charAt(0) != '[';
    }

    @Override
    public List<Position> positions(String group, Collection<String> topics) {
        return offsets.find(group, topics);
    }
}
