package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.shared.domain.InformationType;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;

class EnvelopeParserTest {

    private final EnvelopeParser parser = Parsers.PARSER;

    static String alert(String id) {
        return """
                {"id":"%s","type":"alert","specVersion":"1.0","producer":"ids-01",
                 "time":"2026-11-29T08:00:00+08:00","body":{"name":"port scan","category":"network-attack/scan","severity":2}}
                """.formatted(id);
    }

    @Test
    void readsAValidEnvelope() {
        InformationEnvelope envelope = parser.parse(alert("6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11"));

        assertThat(envelope.type()).isEqualTo(InformationType.ALERT);
        assertThat(envelope.producer()).isEqualTo("ids-01");
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(envelope.body().getString("name")).isEqualTo("port scan");
        assertThat(envelope.signature()).isEmpty();
    }

    @Test
    void reportsEveryViolationWithAPointer() {
        var error = catchThrowableOfType(InvalidInformationException.class, () -> parser.parse("""
                {"id":"not-a-uuid","type":"weather","specVersion":"2.0","producer":"bad producer!",
                 "time":"yesterday","body":[],"colour":"red"}
                """));

        assertThat(error.violations()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/colour", "/id", "/type", "/specVersion", "/producer", "/time", "/body");
        assertThat(error.violations()).filteredOn(v -> v.pointer().equals("/type"))
                .singleElement().extracting(Violation::message).asString()
                .contains("behavior", "alert", "asset", "vulnerability", "threat", "incident");
    }

    @Test
    void reportsMissingMembers() {
        var error = catchThrowableOfType(InvalidInformationException.class, () -> parser.parse("{}"));

        assertThat(error.violations()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/id", "/type", "/specVersion", "/producer", "/time", "/body");
        assertThat(error.violations()).extracting(Violation::message).containsOnly("is required");
    }

    @Test
    void refusesTextThatIsNotAnObject() {
        assertThat(catchThrowableOfType(InvalidInformationException.class, () -> parser.parse("{\"id\":")).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEmpty();
                    assertThat(v.message()).startsWith("not valid JSON");
                });
        assertThat(catchThrowableOfType(InvalidInformationException.class, () -> parser.parse("[]")).violations())
                .extracting(Violation::message).containsExactly("an envelope is a JSON object");
        assertThat(catchThrowableOfType(InvalidInformationException.class, () -> parser.parse("  ")).violations())
                .extracting(Violation::message).containsExactly("the message is empty");
    }

    @Test
    void keepsTimeToTheMicrosecond() {
        InformationEnvelope envelope = parser.parse(alert("6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11")
                .replace("2026-11-29T08:00:00+08:00", "2026-11-29T00:00:00.123456789Z"));

        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-29T00:00:00.123456Z"));
    }

    @Test
    void refusesTextAfterTheEnvelope() {
        assertThat(catchThrowableOfType(InvalidInformationException.class,
                () -> parser.parse(alert("6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11") + " {}")).violations())
                .singleElement().satisfies(v -> assertThat(v.message()).startsWith("not valid JSON"));
    }

    @Test
    void keepsDecimalsExactly() {
        InformationEnvelope envelope = parser.parse(alert("6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11")
                .replace("\"severity\":2", "\"severity\":2,\"extension\":{\"score\":0.1000000000000000055511151231257827}"));

        assertThat(envelope.body().getJsonObject("extension").getJsonNumber("score").bigDecimalValue())
                .isEqualByComparingTo("0.1000000000000000055511151231257827");
    }

    @Test
    void refusesEnvelopesOverTheSizeLimit() {
        EnvelopeParser small = new EnvelopeParser(Parsers.CATALOG, 2048);
        String big = alert("6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11").replace("port scan", "x".repeat(3000));

        assertThatThrownBy(() -> small.parse(big)).isInstanceOf(InformationTooLargeException.class)
                .hasMessageContaining("limit is 2048");
    }

    @Test
    void acceptsRfc3339VariantsJavaDoesNotParseByDefault() {
        InformationEnvelope envelope = parser.parse(alert("6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11")
                .replace("2026-11-29T08:00:00+08:00", "2026-11-29t00:00:00z"));

        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }
}
