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
import java.util.Arrays;
import java.util.HexFormat;
import org.erdtman.jcs.NumberToJSON;

/**
 * Canonical text forms of JSON values.
 *
 * <p>{@link #write} is the JSON Canonicalization Scheme, RFC 8785: what a product signs and what
 * decides whether two documents carry the same content, so a vendor can compute it with any JCS
 * library. Members sorted by their UTF-16 code units, strings escaped as ECMAScript's
 * {@code JSON.stringify} does, and numbers as IEEE 754 doubles written by the reference
 * implementation's (erdtman's java-json-canonicalization) {@code NumberToJSON} ({@code 1e+30},
 * {@code 4.5}). The tree is written directly rather than printed and parsed again by the reference
 * implementation, which cost an eighth of the server's CPU while it ingested alerts; a test compares
 * both on random documents. The hub refuses numbers a double cannot hold before they get here.
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
        StringBuilder out = new StringBuilder();
        append(value, out, true);
        return out.toString();
    }

    /** Members sorted by name, no whitespace, numbers exact: the stored form of bodies. */
    public static String sorted(JsonValue value) {
        StringBuilder out = new StringBuilder();
        append(value, out, false);
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

    /** @param doubles numbers as RFC 8785 writes doubles; otherwise exact */
    private static void append(JsonValue value, StringBuilder out, boolean doubles) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = (JsonObject) value;
                // String order is UTF-16 code unit order, the order RFC 8785 sorts members in.
                String[] names = object.keySet().toArray(new String[0]);
                Arrays.sort(names);
                out.append('{');
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendString(names[i], out);
                    out.append(':');
                    append(object.get(names[i]), out, doubles);
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
                    append(element, out, doubles);
                }
                out.append(']');
            }
            case STRING -> appendString(((JsonString) value).getString(), out);
            case NUMBER -> out.append(doubles ? ecmaScriptNumber((JsonNumber) value)
                    : canonicalNumber(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static String ecmaScriptNumber(JsonNumber number) {
        double value = number.doubleValue();
        try {
            return NumberToJSON.serializeNumber(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be canonicalised (RFC 8785): " + e.getMessage(), e);
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
