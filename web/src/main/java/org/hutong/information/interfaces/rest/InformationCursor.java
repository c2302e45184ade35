package org.hutong.information.interfaces.rest;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.hutong.information.domain.ReceivePosition;

/**
 * Where a page of {@code GET /information} ended and which filters produced it. Opaque to
 * clients (base64url JSON); carrying the filters lets the hub refuse a cursor used with others.
 *
 * <p>Version 2 holds the last item's place in commit order (its writing transaction and sequence);
 * version 1 cursors, issued before items recorded their transaction, held the sequence alone and stand
 * for transaction 0, where those items all are.
 *
 * @param after the commit-order position of the last item handed out
 * @param filters the filters the paging started with
 */
record InformationCursor(ReceivePosition after, Filters filters) {

    /** The query's filters as given, blanks dropped; compared as a whole. */
    record Filters(String type, String producer, String since, String until, Integer severity, String category) {

        Filters {
            type = blankToNull(type);
            producer = blankToNull(producer);
            since = blankToNull(since);
            until = blankToNull(until);
            category = blankToNull(category);
        }

        boolean isEmpty() {
            return type == null && producer == null && since == null && until == null && severity == null
                    && category == null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    String encode() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("v", 2)
                .add("tx", after.transaction()).add("after", after.sequence());
        put(json, "type", filters.type());
        put(json, "producer", filters.producer());
        put(json, "since", filters.since());
        put(json, "until", filters.until());
        if (filters.severity() != null) {
            json.add("severity", filters.severity());
        }
        put(json, "category", filters.category());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code token} stands for, if it is one the hub issued. */
    static Optional<InformationCursor> decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            JsonObject json = JSON.createReader(new StringReader(text)).readObject();
            int version = json.getInt("v", 0);
            if (version < 1 || version > 2 || !(json.get("after") instanceof JsonNumber after) || after.longValue() < 0) {
                return Optional.empty();
            }
            long transaction = 0;
            if (version == 2) {
                if (!(json.get("tx") instanceof JsonNumber tx) || tx.longValue() < 0) {
                    return Optional.empty();
                }
                transaction = tx.longValue();
            }
            Integer severity = json.get("severity") instanceof JsonNumber number ? number.intValue() : null;
            return Optional.of(new InformationCursor(new ReceivePosition(transaction, after.longValue()), new Filters(json.getString("type", null),
                    json.getString("producer", null), json.getString("since", null), json.getString("until", null),
                    severity, json.getString("category", null))));
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
