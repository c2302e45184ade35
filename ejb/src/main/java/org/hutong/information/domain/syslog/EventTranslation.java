package org.hutong.information.domain.syslog;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hutong.shared.domain.InformationType;

/**
 * Maps a product's CEF or LEEF event to the body of an alert or a behaviour. What the body has a
 * member for is mapped (severity, category, endpoints, protocol, counts, times, message); everything
 * the event and its syslog header said, and the raw line, is kept under {@code extension}, so no
 * part of the line is lost even when a value does not fit a member (an address that is not an IP
 * literal stays in {@code extension.cef.fields.src} only).
 */
public final class EventTranslation {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final int MAX_NAME = 512;
    private static final int MAX_TEXT = 4096;
    private static final int MAX_RULE_ID = 256;
    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_PROTOCOL = 32;

    /** What an event became. */
    public record Translation(InformationType type, JsonObject body, Optional<OffsetDateTime> occurredAt) {
    }

    private EventTranslation() {
    }

    /**
     * @throws UnreadableLineException if the severity is not one CEF or LEEF allows, or the mapping
     *         table, the keyword table and the default category all leave the event unplaced
     */
    public static Translation translate(SyslogMessage message, VendorEvent event, EventMapping mapping, String line) {
        List<String> keys = keys(event);
        Optional<OffsetDateTime> occurredAt = time(event, "rt", "devTime").or(message::timestamp);
        JsonObject extension = extension(message, event, line);
        for (String key : keys) {
            String action = mapping.actions().get(key);
            if (action != null) {
                return new Translation(InformationType.BEHAVIOR, behaviour(event, action, message, occurredAt, extension),
                        occurredAt);
            }
        }
        String category = keys.stream().map(mapping.categories()::get).filter(java.util.Objects::nonNull).findFirst()
                .or(() -> mapping.keywords() ? CategoryKeywords.categoryOf(keys) : Optional.empty())
                .or(mapping::defaultCategory)
                .orElseThrow(() -> new UnreadableLineException("no category for the " + event.format() + " event "
                        + keys + " of " + event.vendor() + " " + event.product()
                        + ": add one to the product's syslog mapping (categories or defaultCategory)"));
        return new Translation(InformationType.ALERT, alert(event, category, mapping, occurredAt, extension), occurredAt);
    }

    /** The event's keys in the order a table looks them up: class id, {@code cat}, name. */
    static List<String> keys(VendorEvent event) {
        List<String> keys = new ArrayList<>(3);
        if (!event.eventClassId().isBlank()) {
            keys.add(event.eventClassId().strip());
        }
        event.field("cat").ifPresent(keys::add);
        event.name().ifPresent(keys::add);
        return keys;
    }

    private static JsonObject alert(VendorEvent event, String category, EventMapping mapping,
            Optional<OffsetDateTime> occurredAt, JsonObject extension) {
        JsonObjectBuilder alert = JSON.createObjectBuilder()
                .add("name", clip(event.name().or(() -> event.field("name")).orElse(
                        event.eventClassId().isBlank() ? event.product() + " event" : event.eventClassId()), MAX_NAME))
                .add("category", category)
                .add("severity", severity(event, mapping));
        endpoint(event, "src", "spt", "srcPort", "smac", "srcMAC", "shost").ifPresent(e -> alert.add("source", e));
        endpoint(event, "dst", "dpt", "dstPort", "dmac", "dstMAC", "dhost").ifPresent(e -> alert.add("destination", e));
        event.field("proto").or(() -> event.field("app")).ifPresent(p -> alert.add("protocol", clip(p, MAX_PROTOCOL)));
        if (!event.eventClassId().isBlank()) {
            alert.add("ruleId", clip(event.eventClassId().strip(), MAX_RULE_ID));
        }
        event.field("cnt").flatMap(EventTranslation::positiveInt).ifPresent(count -> alert.add("count", count));
        time(event, "start").ifPresent(t -> alert.add("firstSeen", rfc3339(t)));
        time(event, "end").or(() -> occurredAt).ifPresent(t -> alert.add("lastSeen", rfc3339(t)));
        event.field("msg").ifPresent(text -> alert.add("evidence", clip(text, MAX_TEXT)));
        return alert.add("extension", extension).build();
    }

    private static JsonObject behaviour(VendorEvent event, String action, SyslogMessage message,
            Optional<OffsetDateTime> occurredAt, JsonObject extension) {
        JsonObjectBuilder subject = JSON.createObjectBuilder();
        Optional<String> user = event.field("suser").or(() -> event.field("usrName"));
        Optional<String> process = event.field("sproc");
        if (user.isPresent()) {
            subject.add("type", "user").add("name", clip(user.get(), MAX_NAME));
        } else if (process.isPresent()) {
            subject.add("type", "process").add("name", clip(process.get(), MAX_NAME));
        } else {
            subject.add("type", "host").add("name", clip(event.field("shost").or(() -> event.field("src"))
                    .or(message::hostname).orElse("unknown"), MAX_NAME));
        }
        JsonObjectBuilder behaviour = JSON.createObjectBuilder().add("subject", subject).add("action", action);
        object(event).ifPresent(o -> behaviour.add("object", o));
        behaviour.add("result", event.field("outcome").map(EventTranslation::result).orElse("unknown"));
        occurredAt.ifPresent(t -> behaviour.add("occurredAt", rfc3339(t)));
        endpoint(event, "src", "spt", "srcPort", "smac", "srcMAC", "shost").ifPresent(e -> behaviour.add("source", e));
        endpoint(event, "dst", "dpt", "dstPort", "dmac", "dstMAC", "dhost").ifPresent(e -> behaviour.add("destination", e));
        if (!event.product().isBlank()) {
            behaviour.add("device", clip(event.product(), MAX_HOSTNAME + 1));
        }
        return behaviour.add("extension", extension).build();
    }

    private static Optional<JsonObject> object(VendorEvent event) {
        if (event.field("duser").isPresent()) {
            return Optional.of(JSON.createObjectBuilder().add("type", "user")
                    .add("name", clip(event.field("duser").get(), MAX_NAME)).build());
        }
        if (event.field("fname").isPresent() || event.field("filePath").isPresent()) {
            JsonObjectBuilder file = JSON.createObjectBuilder().add("type", "file");
            event.field("fname").ifPresent(name -> file.add("name", clip(name, MAX_NAME)));
            event.field("filePath").ifPresent(path -> file.add("path", clip(path, MAX_TEXT)));
            return Optional.of(file.build());
        }
        if (event.field("request").isPresent()) {
            return Optional.of(JSON.createObjectBuilder().add("type", "url")
                    .add("name", clip(event.field("request").get(), MAX_NAME)).build());
        }
        return event.field("dhost").map(host -> JSON.createObjectBuilder().add("type", "host")
                .add("name", clip(host, MAX_NAME)).build());
    }

    private static String result(String outcome) {
        String lower = outcome.toLowerCase(Locale.ROOT);
        return lower.contains("fail") || lower.contains("deny") || lower.contains("denied") ? "failure"
                : lower.contains("success") || lower.contains("allow") ? "success" : "unknown";
    }

    /**
     * CEF 0..10 (or Unknown, Low, Medium, High, Very-High), LEEF {@code sev} 0..10, as the alert
     * severity 1..4: 0–3 low, 4–6 medium, 7–8 high, 9–10 critical (ArcSight's own bands).
     */
    static int severity(VendorEvent event, EventMapping mapping) {
        Optional<String> written = event.severity();
        if (written.isEmpty()) {
            return mapping.unknownSeverity();
        }
        String value = written.get().strip();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "unknown":
                return mapping.unknownSeverity();
            case "low":
                return 1;
            case "medium":
                return 2;
            case "high":
                return 3;
            case "very-high":
            case "very high":
                return 4;
            default:
                break;
        }
        if (!value.matches("\\d{1,2}") || Integer.parseInt(value) > 10) {
            throw new UnreadableLineException("the " + event.format() + " severity '" + value
                    + "' is neither 0 to 10 nor Unknown, Low, Medium, High, Very-High");
        }
        int level = Integer.parseInt(value);
        return level <= 3 ? 1 : level <= 6 ? 2 : level <= 8 ? 3 : 4;
    }

    private static Optional<JsonObject> endpoint(VendorEvent event, String ipKey, String cefPort, String leefPort,
            String cefMac, String leefMac, String hostKey) {
        JsonObjectBuilder endpoint = JSON.createObjectBuilder();
        boolean any = false;
        Optional<String> ip = event.field(ipKey).filter(EventTranslation::isIpLiteral);
        if (ip.isPresent()) {
            endpoint.add("ip", ip.get());
            any = true;
        }
        Optional<Integer> port = event.field(cefPort).or(() -> event.field(leefPort)).flatMap(EventTranslation::port);
        if (port.isPresent()) {
            endpoint.add("port", port.get());
            any = true;
        }
        Optional<String> mac = event.field(cefMac).or(() -> event.field(leefMac)).filter(m -> MAC.matcher(m).matches());
        if (mac.isPresent()) {
            endpoint.add("mac", mac.get());
            any = true;
        }
        Optional<String> host = event.field(hostKey).filter(h -> h.length() <= MAX_HOSTNAME);
        if (host.isPresent()) {
            endpoint.add("hostname", host.get());
            any = true;
        }
        return any ? Optional.of(endpoint.build()) : Optional.empty();
    }

    static boolean isIpLiteral(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.indexOf(':') < 0 || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            // Only a literal reaches here (hex digits, colons, dots): no name is looked up.
            return InetAddress.getByName(value) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<Integer> port(String value) {
        return value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65_535
                ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    private static Optional<Integer> positiveInt(String value) {
        return value.matches("\\d{1,9}") && Integer.parseInt(value) > 0
                ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    /** A CEF time in milliseconds since the epoch, or an RFC 3339 time; other forms stay in the extension. */
    private static Optional<OffsetDateTime> time(VendorEvent event, String... keys) {
        for (String key : keys) {
            Optional<String> value = event.field(key);
            if (value.isPresent()) {
                String text = value.get();
                if (text.matches("\\d{10,13}")) {
                    long millis = text.length() == 13 ? Long.parseLong(text) : Long.parseLong(text) * 1000;
                    return Optional.of(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
                }
                try {
                    return Optional.of(OffsetDateTime.parse(text));
                } catch (java.time.format.DateTimeParseException e) {
                    // kept in the extension only
                }
            }
        }
        return Optional.empty();
    }

    private static JsonObject extension(SyslogMessage message, VendorEvent event, String line) {
        JsonObjectBuilder syslog = JSON.createObjectBuilder().add("format", message.format().name());
        if (message.format() != SyslogMessage.HeaderFormat.NONE) {
            syslog.add("facility", message.facility()).add("severity", message.severity());
        }
        message.timestamp().ifPresent(t -> syslog.add("timestamp", rfc3339(t)));
        message.hostname().ifPresent(h -> syslog.add("hostname", h));
        message.appName().ifPresent(a -> syslog.add("appName", a));
        message.procId().ifPresent(p -> syslog.add("procId", p));
        message.msgId().ifPresent(m -> syslog.add("msgId", m));
        if (!message.structuredData().isEmpty()) {
            JsonObjectBuilder data = JSON.createObjectBuilder();
            message.structuredData().forEach((id, params) -> {
                JsonObjectBuilder element = JSON.createObjectBuilder();
                params.forEach((name, values) -> element.add(name, JSON.createArrayBuilder(values)));
                data.add(id, element);
            });
            syslog.add("structuredData", data);
        }
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        for (Map.Entry<String, String> field : event.fields().entrySet()) {
            fields.add(field.getKey(), field.getValue());
        }
        JsonObjectBuilder vendor = JSON.createObjectBuilder().add("version", event.formatVersion())
                .add("vendor", event.vendor()).add("product", event.product())
                .add("productVersion", event.productVersion()).add("eventClassId", event.eventClassId());
        event.name().ifPresent(n -> vendor.add("name", n));
        event.severity().ifPresent(s -> vendor.add("severity", s));
        vendor.add("fields", fields);
        return JSON.createObjectBuilder().add("syslog", syslog)
                .add(event.format().name().toLowerCase(Locale.ROOT), vendor).add("raw", line).build();
    }

    /** RFC 3339 with seconds always written ({@code OffsetDateTime.toString()} leaves out zero seconds). */
    public static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static String clip(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }
}
