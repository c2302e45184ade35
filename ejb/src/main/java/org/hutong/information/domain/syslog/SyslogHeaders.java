package org.hutong.information.domain.syslog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hutong.information.domain.syslog.SyslogMessage.HeaderFormat;

/**
 * Reads the header of one syslog line: RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG})
 * or RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss HOST TAG: MSG}, and the common variants: an RFC 3339
 * time in its place, no tag before a CEF or LEEF event, no time or host at all).
 *
 * <p>RFC 3164 times carry neither year nor zone: the zone is the one configured for the sources, the
 * year the one that puts the time closest before the moment the line arrived (a December line read
 * in January belongs to the year before).
 */
public final class SyslogHeaders {

    private static final int MAX_PRIVAL = 191;
    private static final String NIL = "-";
    private static final DateTimeFormatter RFC3164_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT);

    private final ZoneId rfc3164Zone;

    public SyslogHeaders(ZoneId rfc3164Zone) {
        this.rfc3164Zone = rfc3164Zone;
    }

    /**
     * @param line the line without its framing (no trailing LF)
     * @param receivedAt when it arrived, to place an RFC 3164 time in its year
     * @throws UnreadableLineException if it does not start with a priority or its RFC 5424 header is broken
     */
    public SyslogMessage read(String line, Instant receivedAt) {
        Cursor cursor = new Cursor(line);
        int priority = priority(cursor);
        if (cursor.startsWithVersion()) {
            return rfc5424(cursor, priority);
        }
        return rfc3164(cursor, priority, receivedAt);
    }

    /** An event that came without a syslog header (a Kafka record): only its text. */
    public static SyslogMessage headerless(String text) {
        return new SyslogMessage(HeaderFormat.NONE, -1, -1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), text);
    }

    private static int priority(Cursor cursor) {
        if (!cursor.take('<')) {
            throw new UnreadableLineException("the line does not start with a syslog priority such as <134>");
        }
        int start = cursor.position;
        while (cursor.position < start + 3 && cursor.hasMore() && Character.isDigit(cursor.peek())) {
            cursor.position++;
        }
        String digits = cursor.text.substring(start, cursor.position);
        if (digits.isEmpty() || !cursor.take('>') || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw new UnreadableLineException("the priority must be <0> to <191>");
        }
        int priority = Integer.parseInt(digits);
        if (priority > MAX_PRIVAL) {
            throw new UnreadableLineException("the priority must be <0> to <191>, not <" + digits + ">");
        }
        return priority;
    }

    private static SyslogMessage rfc5424(Cursor cursor, int priority) {
        String version = cursor.token("version");
        if (!"1".equals(version)) {
            throw new UnreadableLineException("RFC 5424 version " + version + " is not supported (only 1)");
        }
        String time = cursor.token("timestamp");
        Optional<OffsetDateTime> timestamp;
        try {
            timestamp = NIL.equals(time) ? Optional.empty() : Optional.of(OffsetDateTime.parse(time));
        } catch (DateTimeParseException e) {
            throw new UnreadableLineException("the RFC 5424 timestamp '" + time + "' is not an RFC 3339 time");
        }
        Optional<String> host = nilable(cursor.token("hostname"));
        Optional<String> app = nilable(cursor.token("app-name"));
        Optional<String> proc = nilable(cursor.token("procid"));
        Optional<String> msgId = nilable(cursor.lastHeaderToken("msgid"));
        Map<String, Map<String, List<String>>> data = structuredData(cursor);
        String text = cursor.rest();
        if (text.startsWith(" ")) {
            text = text.substring(1);
        } else if (!text.isEmpty()) {
            throw new UnreadableLineException("a space must follow the structured data");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new SyslogMessage(HeaderFormat.RFC5424, priority / 8, priority % 8, timestamp, host, app, proc, msgId,
                data, text);
    }

    private static Optional<String> nilable(String value) {
        return NIL.equals(value) ? Optional.empty() : Optional.of(value);
    }

    private static Map<String, Map<String, List<String>>> structuredData(Cursor cursor) {
        Map<String, Map<String, List<String>>> data = new LinkedHashMap<>();
        if (cursor.take('-')) {
            return data;
        }
        if (!cursor.hasMore() || cursor.peek() != '[') {
            throw new UnreadableLineException("the RFC 5424 structured data must be '-' or start with '['");
        }
        while (cursor.take('[')) {
            String id = cursor.until(" ]", "SD-ID");
            Map<String, List<String>> params = data.computeIfAbsent(id, key -> new LinkedHashMap<>());
            while (cursor.take(' ')) {
                String name = cursor.until("=", "SD-PARAM name of [" + id + "]");
                cursor.position++;
                if (!cursor.take('"')) {
                    throw new UnreadableLineException("the value of " + name + " in [" + id + "] must be quoted");
                }
                params.computeIfAbsent(name, key -> new ArrayList<>()).add(cursor.quotedValue(id));
            }
            if (!cursor.take(']')) {
                throw new UnreadableLineException("the structured data element [" + id + "] is not closed with ']'");
            }
        }
        return data;
    }

    private SyslogMessage rfc3164(Cursor cursor, int priority, Instant receivedAt) {
        Optional<OffsetDateTime> timestamp = rfc3164Time(cursor, receivedAt);
        Optional<String> host = Optional.empty();
        Optional<String> tag = Optional.empty();
        Optional<String> pid = Optional.empty();
        if (timestamp.isPresent()) {
            String next = cursor.peekToken();
            if (!next.isEmpty() && !next.endsWith(":") && !isEventStart(next)) {
                host = Optional.of(cursor.token("hostname"));
            }
        }
        String next = cursor.peekToken();
        int colon = next.indexOf(':');
        if (!isEventStart(next) && colon > 0 && colon == next.length() - 1 && colon <= 48) {
            String fullTag = cursor.token("tag");
            fullTag = fullTag.substring(0, fullTag.length() - 1);
            int bracket = fullTag.indexOf('[');
            if (bracket > 0 && fullTag.endsWith("]")) {
                pid = Optional.of(fullTag.substring(bracket + 1, fullTag.length() - 1));
                fullTag = fullTag.substring(0, bracket);
            }
            tag = Optional.of(fullTag);
        }
        return new SyslogMessage(HeaderFormat.RFC3164, priority / 8, priority % 8, timestamp, host, tag, pid,
                Optional.empty(), Map.of(), cursor.rest().stripLeading());
    }

    private static boolean isEventStart(String token) {
        return token.startsWith("CEF:") || token.startsWith("LEEF:") || token.startsWith("{");
    }

    private Optional<OffsetDateTime> rfc3164Time(Cursor cursor, Instant receivedAt) {
        String rest = cursor.rest();
        if (rest.length() >= 15 && Character.isLetter(rest.charAt(0))) {
            String stamp = rest.substring(0, 15);
            String normalised = stamp.replace("  ", " ");
            try {
                var parsed = RFC3164_TIME.parse(normalised);
                int month = parsed.get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
                int day = parsed.get(java.time.temporal.ChronoField.DAY_OF_MONTH);
                int seconds = parsed.get(java.time.temporal.ChronoField.SECOND_OF_DAY);
                cursor.position += 15;
                cursor.take(' ');
                return Optional.of(placeInYear(Month.of(month), day, seconds, receivedAt));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            String token = cursor.peekToken();
            try {
                OffsetDateTime time = OffsetDateTime.parse(token);
                cursor.token("timestamp");
                return Optional.of(time);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private OffsetDateTime placeInYear(Month month, int day, int secondOfDay, Instant receivedAt) {
        int year = receivedAt.atZone(rfc3164Zone).getYear();
        ZonedDateTime candidate = at(year, month, day, secondOfDay);
        // A line stamped more than a day after its arrival was written last year (clocks drift a little).
        if (candidate.toInstant().isAfter(receivedAt.plusSeconds(86_400))) {
            candidate = at(year - 1, month, day, secondOfDay);
        }
        return candidate.toOffsetDateTime();
    }

    private ZonedDateTime at(int year, Month month, int day, int secondOfDay) {
        int validDay = Math.min(day, month.length(java.time.Year.isLeap(year)));
        return LocalDateTime.of(year, month, validDay, 0, 0).plusSeconds(secondOfDay).atZone(rfc3164Zone);
    }

    /** A position in the line. */
    private static final class Cursor {

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean hasMore() {
            return position < text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        boolean take(char expected) {
            if (hasMore() && peek() == expected) {
                position++;
                return true;
            }
            return false;
        }

        boolean startsWithVersion() {
            return position + 1 < text.length() && Character.isDigit(text.charAt(position))
                    && text.charAt(position) != '0' && text.charAt(position + 1) == ' ';
        }

        String peekToken() {
            int end = text.indexOf(' ', position);
            return text.substring(position, end < 0 ? text.length() : end);
        }

        /** A header field followed by one space. */
        String token(String field) {
            int end = text.indexOf(' ', position);
            if (end < 0 || end == position) {
                throw new UnreadableLineException("the header ends before its " + field);
            }
            String token = text.substring(position, end);
            position = end + 1;
            return token;
        }

        /** The last header field, followed by a space, or by nothing when the line ends there. */
        String lastHeaderToken(String field) {
            int end = text.indexOf(' ', position);
            if (end < 0) {
                throw new UnreadableLineException("the header ends before its structured data");
            }
            return token(field);
        }

        String until(String stops, String what) {
            int start = position;
            while (hasMore() && stops.indexOf(peek()) < 0 && peek() != '"') {
                position++;
            }
            if (position == start || !hasMore()) {
                throw new UnreadableLineException("the structured data has a broken " + what);
            }
            return text.substring(start, position);
        }

        String quotedValue(String id) {
            StringBuilder value = new StringBuilder();
            while (hasMore()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && hasMore() && "\"\\]".indexOf(peek()) >= 0) {
                    c = text.charAt(position++);
                }
                value.append(c);
            }
            throw new UnreadableLineException("a value in [" + id + "] is not closed with '\"'");
        }

        String rest() {
            return text.substring(position);
        }
    }
}
