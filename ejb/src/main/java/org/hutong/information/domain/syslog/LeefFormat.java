package org.hutong.information.domain.syslog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IBM QRadar Log Event Extended Format. LEEF 1.0: {@code LEEF:1.0|Vendor|Product|Version|EventID|}
 * then {@code key=value} attributes separated by tabs. LEEF 2.0 adds a sixth header field, the
 * attribute delimiter: one character, or its code as {@code xHH} / {@code 0xHH} (empty: tab). An
 * attribute value ends at the delimiter; its first {@code =} separates the key. Tabs that an rsyslog
 * relay wrote as {@code #011} count as tabs when the attributes hold no tab at all.
 */
public final class LeefFormat {

    static final String PREFIX = "LEEF:";
    private static final String RSYSLOG_ESCAPED_TAB = "#011";

    private LeefFormat() {
    }

    /** The LEEF event starting at {@code text}'s first {@code LEEF:}. */
    public static VendorEvent read(String text) {
        int position = text.indexOf(PREFIX) + PREFIX.length();
        int versionEnd = text.indexOf('|', position);
        if (versionEnd < 0) {
            throw new UnreadableLineException("the LEEF header has no '|' after its version");
        }
        String version = text.substring(position, versionEnd).trim();
        boolean two = version.startsWith("2");
        if (!version.matches("[12](\\.\\d+)?")) {
            throw new UnreadableLineException("LEEF version '" + version + "' is not supported (1.0 and 2.0 are)");
        }
        int headerFields = two ? 5 : 4;
        List<String> header = new ArrayList<>(headerFields);
        position = versionEnd + 1;
        StringBuilder field = new StringBuilder();
        while (position < text.length() && header.size() < headerFields) {
            char c = text.charAt(position++);
            if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (header.size() < headerFields && !(header.size() == headerFields - 1 && position >= text.length())) {
            throw new UnreadableLineException("the LEEF " + version + " header has " + (header.size() + 1) + " of its "
                    + (headerFields + 1) + " fields (Version|Vendor|Product|Version|EventID" + (two ? "|Delimiter" : "")
                    + "|attributes)");
        }
        if (header.size() == headerFields - 1) {
            header.add(field.toString());
        }
        char delimiter = two ? delimiter(header.get(4)) : '\t';
        String written = text.substring(Math.min(position, text.length()));
        if (delimiter == '\t' && written.indexOf('\t') < 0 && written.contains(RSYSLOG_ESCAPED_TAB)) {
            // An rsyslog relay escapes control characters it receives (EscapeControlCharactersOnReceive, on by
            // default): the tabs between LEEF attributes arrive as "#011".
            written = written.replace(RSYSLOG_ESCAPED_TAB, "\t");
        }
        Map<String, String> attributes = attributes(written, delimiter);
        return new VendorEvent(VendorEvent.Format.LEEF, version, header.get(0), header.get(1), header.get(2),
                header.get(3), Optional.ofNullable(attributes.get("name")), Optional.ofNullable(attributes.get("sev")),
                attributes);
    }

    private static char delimiter(String written) {
        String value = written.strip();
        if (value.isEmpty()) {
            return '\t';
        }
        if (value.length() == 1) {
            return value.charAt(0);
        }
        String hex = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2)
                : value.startsWith("x") || value.startsWith("X") ? value.substring(1) : null;
        if (hex != null && hex.matches("[0-9A-Fa-f]{1,4}")) {
            return (char) Integer.parseInt(hex, 16);
        }
        throw new UnreadableLineException("the LEEF 2.0 delimiter '" + value + "' is neither one character nor xHH");
    }

    private static Map<String, String> attributes(String text, char delimiter) {
        Map<String, String> attributes = new LinkedHashMap<>();
        StringBuilder attribute = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : delimiter;
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == delimiter) {
                attribute.append(delimiter);
                i++;
            } else if (c == delimiter) {
                add(attributes, attribute.toString());
                attribute.setLength(0);
            } else {
                attribute.append(c);
            }
        }
        return attributes;
    }

    private static void add(Map<String, String> attributes, String attribute) {
        int equals = attribute.indexOf('=');
        if (equals > 0) {
            attributes.put(attribute.substring(0, equals).strip(), attribute.substring(equals + 1).strip());
        } else if (!attribute.isBlank()) {
            throw new UnreadableLineException("the LEEF attribute '" + abbreviate(attribute) + "' has no key=value");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
