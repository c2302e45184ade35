package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.util.List;
import org.hutong.shared.domain.InformationType;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fixtures of every information type (src/test/resources/fixtures, also sent over HTTP and
 * JMS by the integration tests): the valid one passes, the invalid ones fail with exactly the
 * violations listed beside them.
 */
class InformationFixturesTest {

    static JsonObject fixture(InformationType type) {
        try (InputStream in = InformationFixturesTest.class.getResourceAsStream("/fixtures/" + type.wireName() + ".json")) {
            return Json.createReader(in).readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonObject fixture, String member) {
        return fixture.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> pointers(String envelope) {
        return catchThrowableOfType(InvalidInformationException.class, () -> Parsers.PARSER.parse(envelope))
                .violations().stream().map(Violation::pointer).distinct().toList();
    }

    @ParameterizedTest
    @EnumSource(InformationType.class)
    void acceptsTheValidFixture(InformationType type) {
        JsonObject fixture = fixture(type);

        assertThat(Parsers.PARSER.parse(fixture.getJsonObject("valid").toString()).type()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(InformationType.class)
    void reportsExactlyTheSchemaViolationsOfTheInvalidFixture(InformationType type) {
        JsonObject fixture = fixture(type);

        assertThat(pointers(fixture.getJsonObject("invalid").toString()))
                .containsExactlyInAnyOrderElementsOf(strings(fixture, "violations"));
    }

    @ParameterizedTest
    @EnumSource(value = InformationType.class, names = "BEHAVIOR", mode = EnumSource.Mode.EXCLUDE)
    void reportsExactlyTheSemanticViolationsOfTheSemanticFixture(InformationType type) {
        JsonObject fixture = fixture(type);

        assertThat(pointers(fixture.getJsonObject("semanticallyInvalid").toString()))
                .containsExactlyInAnyOrderElementsOf(strings(fixture, "semanticViolations"));
    }
}
