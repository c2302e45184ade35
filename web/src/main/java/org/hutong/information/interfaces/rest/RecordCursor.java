package org.hutong.information.interfaces.rest;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a page of assets, vulnerabilities or incidents ended, and the filters that produced it.
 * Opaque to clients (base64url JSON), like {@link InformationCursor}.
 *
 * @param kind which records the cursor pages through
 * @param after the ordering key of the last record handed out
 * @param filters the filters the paging started with
 */
record RecordCursor(String kind, long after, Map<String, String> filters) {

    RecordCursor {
        filters = Map.copyOf(filters);
    }

    String encode() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("v", 1).add("kind", kind).add("after", after);
        JsonObjectBuilder filterJson = JSON.createObjectBuilder();
        new TreeMap<>(filters).forEach(filterJson::add);
        json.add("filters", filterJson);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code token} stands for, if the hub issued it for records of this kind. */
    static Optional<RecordCursor> decode(String token, String kind) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            JsonObject json = JSON.createReader(new StringReader(text)).readObject();
            if (json.getInt("v", 0) != 1 || !kind.equals(json.getString("kind", null))
                    || !(json.get("after") instanceof JsonNumber after) || after.longValue() < 0
                    || !(json.get("filters") instanceof JsonObject filterJson)) {
                return Optional.empty();
            }
            Map<String, String> filters = new TreeMap<>();
            filterJson.forEach((name, value) -> filters.put(name, ((JsonString) value).getString()));
            return Optional.of(new RecordCursor(kind, after.longValue(), filters));
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
