package org.hutong.shared.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Canonical text forms of JSON values.
 *
 * <p>{@link #write} is the JSON Canonicalization Scheme, RFC 8785, by its reference implementation
 * (erdtman's java-json-canonicalization): what a product signs and what decides whether two documents
 * carry the same content, so a vendor can compute it with any JCS library. Numbers are IEEE 754
 * doubles written as ECMAScript does ({@code 1e+30}, {@code 4.5}); the hub refuses numbers a double
 * cannot hold before they get here.
 *
 * <p>{@link #sorted} is how the hub stores bodies: members sorted, no whitespace, numbers exact
 * (trailing zeros dropped), so nothing a product sent is rounded.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * The RFC 8785 form of {@code value}.
     *
     * @throws IllegalArgumentException if a number is not a finite double
     */
    public static String write(JsonValue value) {
        try {
            if (value.getValueType() == JsonValue.ValueType.OBJECT || value.getValueType() == JsonValue.ValueType.ARRAY) {
                return new JsonCanonicalizer(value.toString()).getEncodedString();
            }
            // The implementation takes a document (RFC 7159 text), not a lone value: canonicalise it in an array.
            String wrapped = new JsonCanonicalizer("[" + value + "]").getEncodedString();
            return wrapped.substring(1, wrapped.length() - 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be canonicalised (RFC 8785): " + e.getMessage(), e);
        }
    }

    /** Members sorted by name, no whitespace, numbers exact: the stored form of bodies. */
    public static String sorted(JsonValue value) {
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
