package org.hutong.information.domain.syslog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ArcSight Common Event Format: {@code CEF:Version|Device Vendor|Device Product|Device Version|Signature
 * ID|Name|Severity|Extension}. In the header {@code \|} and {@code \\} are escapes; in the extension,
 * {@code key=value} pairs separated by spaces, values may hold spaces, and {@code \=}, {@code \\},
 * {@code \n}, {@code \r} are escapes. An unescaped {@code =} that does not follow a key name is kept in
 * the value (products do write them).
 */
public final class CefFormat {

    static final String PREFIX = "CEF:";
    private static final int HEADER_FIELDS = 7;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\[\\]-]+");

    private CefFormat() {
    }

    /** The CEF event starting at {@code text}'s first {@code CEF:}. */
    public static VendorEvent read(String text) {
        List<String> header = new ArrayList<>(HEADER_FIELDS);
        StringBuilder field = new StringBuilder();
        int position = text.indexOf(PREFIX) + PREFIX.length();
        while (position < text.length() && header.size() < HEADER_FIELDS) {
            char c = text.charAt(position++);
            if (c == '\\' && position < text.length() && (text.charAt(position) == '|' || text.charAt(position) == '\\')) {
                field.append(text.charAt(position++));
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (header.size() < HEADER_FIELDS) {
            throw new UnreadableLineException("the CEF header has " + (header.size() + 1)
                    + " of its 8 fields (Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension)");
        }
        String version = header.get(0).trim();
        if (!version.matches("\\d+(\\.\\d+)?")) {
            throw new UnreadableLineException("the CEF version '" + version + "' is not a number");
        }
        return new VendorEvent(VendorEvent.Format.CEF, version, header.get(1), header.get(2), header.get(3),
                header.get(4), present(header.get(5)), present(header.get(6)), extension(text.substring(position)));
    }

    private static Optional<String> present(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static Map<String, String> extension(String text) {
        List<Integer> separators = new ArrayList<>();
        List<Integer> keyStarts = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                int keyStart = keyStart(text, i);
                if (keyStart >= 0 && (keyStarts.isEmpty() || keyStart > separators.get(separators.size() - 1))) {
                    separators.add(i);
                    keyStarts.add(keyStart);
                }
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int k = 0; k < separators.size(); k++) {
            String key = text.substring(keyStarts.get(k), separators.get(k));
            int valueEnd = k + 1 < separators.size() ? keyStarts.get(k + 1) : text.length();
            fields.put(key, unescape(text.substring(separators.get(k) + 1, valueEnd).strip()));
        }
        return fields;
    }

    /** Where the key before the {@code =} at {@code equals} starts, or -1 if no key name precedes it. */
    private static int keyStart(String text, int equals) {
        int start = equals;
        while (start > 0 && text.charAt(start - 1) != ' ') {
            start--;
        }
        String key = text.substring(start, equals);
        return KEY.matcher(key).matches() ? start : -1;
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                plain.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
