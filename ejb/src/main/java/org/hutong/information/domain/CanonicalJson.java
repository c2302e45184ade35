package org.hutong.information.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A canonical text form of JSON values: object members sorted by name, no whitespace,
 * numbers without trailing zeros. Used to decide whether two documents carry the same
 * content (RFC 8785 in spirit; exact for the integers and decimals information uses).
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    public static String sha256(JsonValue value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    private static void append(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (var member : new TreeMap<>((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendString(member.getKey(), out);
                    out.append(':');
                    append(member.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue element : (JsonArray) value) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    append(element, out);
                }
                out.append(']');
            }
            case STRING -> appendString(((JsonString) value).getString(), out);
            case NUMBER -> out.append(canonicalNumber(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static String canonicalNumber(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        return number.stripTrailingZeros().toPlainString();
    }

    private static void appendString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
