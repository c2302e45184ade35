package org.hutong.information.application.syslog;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.information.application.BatchReceipt;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.RejectionPolicy;
import org.hutong.information.domain.syslog.CefFormat;
import org.hutong.information.domain.syslog.EventTranslation;
import org.hutong.information.domain.syslog.LeefFormat;
import org.hutong.information.domain.syslog.SyslogHeaders;
import org.hutong.information.domain.syslog.SyslogMessage;
import org.hutong.information.domain.syslog.UnreadableLineException;
import org.hutong.information.domain.syslog.VendorEvent;
import org.hutong.security.application.ProductRightsService;
import org.hutong.security.domain.ProductRights;
import org.hutong.shared.domain.Sender;
import org.hutong.shared.domain.Violation;

/**
 * Syslog lines → information: each line is decoded in its product's charset, its header read, its
 * CEF or LEEF event mapped by the product's table (a Hutong envelope passes unchanged), and all of
 * one product's envelopes stored as one batch in the product's name through {@link InformationIngestion}
 * — the same admission (schema, code lists, the product's right to publish the type) as HTTP and JMS.
 * A line that fails any step is parked with the reason, in the same transaction.
 *
 * <p>A mapped line's envelope id is derived from the product and the line's bytes (its timestamp
 * included), so a line sent again — a re-sent file, a relay's retry after a lost connection — is a
 * duplicate, not a second alert. Lines without any time are each new (their arrival time counts).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SyslogIngestionService implements SyslogIngestion {

    private static final Logger LOG = Logger.getLogger(SyslogIngestionService.class.getName());
    private static final String SPEC_VERSION = "1.0";

    @EJB
    InformationIngestion ingestion;

    @Inject
    ProductRightsService rights;

    @Inject
    SyslogMappings mappings;

    @Inject
    SyslogDeadLetters deadLetters;

    @Inject
    SyslogSettings settings;

    @Override
    public boolean mayPublish(String productId) {
        return rights.rights(productId).filter(ProductRights::active).isPresent();
    }

    @Override
    public SyslogReceipt ingest(List<SyslogLine> lines) {
        Map<String, List<SyslogLine>> byProduct = new LinkedHashMap<>();
        for (SyslogLine line : lines) {
            byProduct.computeIfAbsent(line.productId(), id -> new ArrayList<>()).add(line);
        }
        int accepted = 0;
        int duplicates = 0;
        int parked = 0;
        for (Map.Entry<String, List<SyslogLine>> product : byProduct.entrySet()) {
            Counts counts = ingest(product.getKey(), product.getValue());
            accepted += counts.accepted;
            duplicates += counts.duplicates;
            parked += counts.parked;
        }
        return new SyslogReceipt(accepted, duplicates, parked);
    }

    private static final class Counts {
        int accepted;
        int duplicates;
        int parked;
    }

    private Counts ingest(String productId, List<SyslogLine> lines) {
        Counts counts = new Counts();
        Optional<ProductRights> granted = rights.rights(productId);
        if (granted.isEmpty() || !granted.get().active()) {
            String reason = "product '" + productId + "' is " + (granted.isEmpty() ? "not registered" : "not active");
            lines.forEach(line -> park(line, reason, List.of(), counts));
            return counts;
        }
        SyslogMapping mapping = mappings.find(productId).orElse(SyslogMapping.DEFAULT);
        SyslogHeaders headers = new SyslogHeaders(settings.rfc3164Zone());
        List<SyslogLine> translated = new ArrayList<>(lines.size());
        StringBuilder batch = new StringBuilder("[");
        for (SyslogLine line : lines) {
            if (line.truncated()) {
                park(line, "the line is longer than the receiver's limit (" + line.bytes().length
                        + " bytes) and was cut there: raise hutong.syslog.max.line.bytes or shorten the product's lines",
                        List.of(), counts);
                continue;
            }
            try {
                String envelope = envelope(line, mapping, headers);
                batch.append(translated.isEmpty() ? "" : ",").append(envelope);
                translated.add(line);
            } catch (UnreadableLineException e) {
                park(line, e.getMessage(), List.of(), counts);
            }
        }
        if (translated.isEmpty()) {
            return counts;
        }
        BatchReceipt receipt = ingestion.ingestBatch(batch.append(']').toString(), RejectionPolicy.REPORT,
                Sender.product(productId));
        for (BatchReceipt.ItemOutcome item : receipt.items()) {
            switch (item.status()) {
                case BatchReceipt.ACCEPTED -> counts.accepted++;
                case BatchReceipt.DUPLICATE -> counts.duplicates++;
                default -> park(translated.get(item.index()), item.reason(), item.violations(), counts);
            }
        }
        return counts;
    }

    private void park(SyslogLine line, String reason, List<Violation> violations, Counts counts) {
        LOG.log(Level.FINE, "Parked a syslog line of {0} from {1}: {2}", new Object[] {line.productId(), line.peer(), reason});
        deadLetters.park(line, reason, violations);
        counts.parked++;
    }

    /** The envelope a line carries, or the one its CEF or LEEF event maps to. */
    String envelope(SyslogLine line, SyslogMapping mapping, SyslogHeaders headers) {
        String text = decode(line.bytes(), mapping.charset());
        // Over Kafka an event may come bare, without the syslog header a socket's line always has.
        SyslogMessage message = line.transport().equals(SyslogLine.KAFKA) && !text.startsWith("<")
                ? SyslogHeaders.headerless(text) : headers.read(text, line.receivedAt());
        String payload = message.text().strip();
        if (payload.startsWith("{")) {
            return payload;
        }
        VendorEvent event = event(payload);
        EventTranslation.Translation translation = EventTranslation.translate(message, event, mapping.events(), text);
        return JSON.createObjectBuilder()
                .add("id", lineId(line, translation.occurredAt().isEmpty()).toString())
                .add("type", translation.type().wireName())
                .add("specVersion", SPEC_VERSION)
                .add("producer", line.productId())
                .add("time", EventTranslation.rfc3339(translation.occurredAt().orElse(line.receivedAt().atOffset(ZoneOffset.UTC))))
                .add("body", translation.body())
                .build().toString();
    }

    private static VendorEvent event(String payload) {
        int cef = eventStart(payload, "CEF:");
        int leef = eventStart(payload, "LEEF:");
        if (cef < 0 && leef < 0) {
            throw new UnreadableLineException("the message is neither a CEF nor a LEEF event nor a Hutong envelope");
        }
        return cef >= 0 && (leef < 0 || cef < leef) ? CefFormat.read(payload.substring(cef))
                : LeefFormat.read(payload.substring(leef));
    }

    /** Where the event starts: at the start of the message or after a space (products prefix it). */
    private static int eventStart(String payload, String prefix) {
        int at = payload.indexOf(prefix);
        while (at > 0 && payload.charAt(at - 1) != ' ') {
            at = payload.indexOf(prefix, at + 1);
        }
        return at;
    }

    static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(input).toString();
        } catch (MalformedInputException | UnmappableCharacterException e) {
            throw new UnreadableLineException("the line is not valid " + charset.name() + " at byte " + input.position()
                    + (charset.equals(StandardCharsets.UTF_8)
                            ? " (a product writing another charset names it in its syslog mapping, e.g. GB18030)" : ""));
        } catch (CharacterCodingException e) {
            throw new UnreadableLineException("the line cannot be decoded as " + charset.name());
        }
    }

    /**
     * A name-based UUID (version 8, RFC 9562) of SHA-256 over the product and the line's bytes: the
     * same line sent again is the same information. A line that carries no time at all (neither header
     * nor event) cannot be told from a new event that reads the same, so its arrival time is hashed too.
     */
    static UUID lineId(SyslogLine line, boolean timeless) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(line.productId().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(line.bytes());
            if (timeless) {
                sha256.update((byte) 0);
                sha256.update(line.receivedAt().toString().getBytes(StandardCharsets.US_ASCII));
            }
            ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
            long most = (hash.getLong() & ~0xF000L) | 0x8000L;
            long least = (hash.getLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
            return new UUID(most, least);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
