package org.hutong.information.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.hutong.shared.domain.CanonicalJson;

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

    /** RFC 8785 §3.2.2, the example of the whole transformation. */
    @Test
    void rfc8785MainExample() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(CanonicalJson.write(json(input))).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** RFC 8785 §3.2.3: members sorted by their UTF-16 code units, so U+1F600 sorts before U+FB33. */
    @Test
    void rfc8785SortingExample() {
        String input = """
                {"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh",
                 "1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control",
                 "\\u00f6":"Latin Small Letter O With Diaeresis"}""";

        assertThat(Json.createReader(new StringReader(CanonicalJson.write(json(input)))).readObject().values())
                .extracting(value -> ((jakarta.json.JsonString) value).getString())
                .containsExactly("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                        "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
    }

    /** RFC 8785 Appendix B: IEEE 754 doubles (by their bits) and their canonical text. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfc8785NumberSamples(String bits, String canonical) {
        double number = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.write(json("[" + number + "]"))).isEqualTo("[" + canonical + "]");
    }

    @Test
    void storesNumbersExactlyWhereTheCanonicalFormRoundsToADouble() {
        JsonValue value = json("{\"b\":12345678901234567890,\"a\":4.50}");

        assertThat(CanonicalJson.sorted(value)).isEqualTo("{\"a\":4.5,\"b\":12345678901234567890}");
        assertThat(CanonicalJson.write(value)).isEqualTo("{\"a\":4.5,\"b\":12345678901234567000}");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(CanonicalJson.sorted(json("\"a\\u0001\\n\\\"\"")))
                .isEqualTo(CanonicalJson.write(json("\"a\\u0001\\n\\\"\"")));
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
