package org.hutong.information.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.hutong.shared.domain.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalJson#write} writes the JSON tree itself; the RFC 8785 reference implementation
 * parses the printed document. Both must agree on every document, or stored content hashes and
 * signatures made before and after would differ.
 */
class CanonicalJsonReferenceTest {

    private static final String ALPHABET = "aZ09 \"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u00e9\u2028\u2029"
            + "\u20ac\ufb33\ufeff\ud83d\ude00\ud800\udc00";

    @Test
    void agreesWithTheReferenceImplementationOnRandomDocuments() throws IOException {
        Random random = new Random(8785);
        for (int i = 0; i < 5000; i++) {
            JsonValue document = random.nextBoolean() ? object(random, 0) : array(random, 0);

            assertThat(CanonicalJson.write(document)).as(document.toString())
                    .isEqualTo(new JsonCanonicalizer(document.toString()).getEncodedString());
        }
    }

    @Test
    void refusesANumberNoDoubleHoldsLikeTheReferenceImplementation() {
        JsonValue huge = Json.createReader(new StringReader("[1e400]")).readValue();

        assertThatThrownBy(() -> new JsonCanonicalizer(huge.toString())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> CanonicalJson.write(huge)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonValue object(Random random, int depth) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        int members = random.nextInt(6);
        for (int i = 0; i < members; i++) {
            object.add(text(random), value(random, depth + 1));
        }
        return object.build();
    }

    private static JsonValue array(Random random, int depth) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        int elements = random.nextInt(6);
        for (int i = 0; i < elements; i++) {
            array.add(value(random, depth + 1));
        }
        return array.build();
    }

    private static JsonValue value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> JsonValue.NULL;
            case 1 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 2 -> Json.createValue(text(random));
            case 3, 4, 5 -> number(random);
            case 6 -> object(random, depth);
            default -> array(random, depth);
        };
    }

    private static JsonValue number(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Json.createValue(random.nextInt(2001) - 1000);
            case 1 -> Json.createValue(new BigInteger(90, random).subtract(BigInteger.ONE.shiftLeft(89)));
            case 2 -> Json.createValue(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(60) - 30));
            case 3 -> {
                double value = Double.longBitsToDouble(random.nextLong());
                yield Json.createValue(Double.isFinite(value) ? value : 0.5);
            }
            default -> Json.createValue(random.nextDouble() * Math.pow(10, random.nextInt(50) - 25));
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
