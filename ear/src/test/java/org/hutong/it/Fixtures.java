package org.hutong.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The information fixtures (ejb/src/test/resources/fixtures), given fresh ids and a producer. */
final class Fixtures {

    static final List<String> TYPES = List.of("behavior", "alert", "asset", "vulnerability", "threat", "incident");

    private Fixtures() {
    }

    static JsonObject of(String type) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + type + ".json")) {
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code variant} envelope of {@code type} ("valid", "invalid", "semanticallyInvalid") as sent by {@code producer}. */
    static String envelope(String type, String variant, String producer) {
        return Json.createObjectBuilder(of(type).getJsonObject(variant))
                .add("id", UUID.randomUUID().toString())
                .add("producer", producer)
                .build().toString();
    }

    static List<String> pointers(String type, String member) {
        return of(type).getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
