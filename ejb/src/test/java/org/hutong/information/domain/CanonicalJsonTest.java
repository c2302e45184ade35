package org.hutong.information.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void sortsMembersAndDropsWhitespace() {
        assertThat(CanonicalJson.write(json("{ \"b\": [1, {\"d\":true, \"c\":null}], \"a\": \"x\" }")))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"c\":null,\"d\":true}]}");
    }

    @Test
    void writesEqualNumbersAlike() {
        assertThat(CanonicalJson.write(json("[1.50, 1.5, 100, 1e2, 0.0]"))).isEqualTo("[1.5,1.5,100,100,0]");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(CanonicalJson.write(json("\"a\\u0001\\n\\\"\""))).isEqualTo("\"a\\u0001\\n\\\"\"");
    }

    @Test
    void hashesEqualContentEquallyAndDifferentContentDifferently() {
        String first = CanonicalJson.sha256(json("{\"a\":1,\"b\":2}"));
        assertThat(first).hasSize(64)
                .isEqualTo(CanonicalJson.sha256(json("{\"b\":2, \"a\":1.0}")))
                .isNotEqualTo(CanonicalJson.sha256(json("{\"a\":1,\"b\":3}")));
    }
}
