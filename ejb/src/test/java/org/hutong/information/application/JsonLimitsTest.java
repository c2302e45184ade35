package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hutong.information.domain.InvalidInformationException;
import org.junit.jupiter.api.Test;

/**
 * Input that costs the parser far more than its size: deep nesting, huge strings, numbers and
 * member names. Each limit is refused while parsing, before any of it is stored or hashed.
 */
class JsonLimitsTest {

    /** An alert whose extension holds {@code extension} (raw JSON). */
    private static String alertWith(String extension) {
        return """
                {"id":"0b5c7e2a-1111-4c2a-9e6b-1a2b3c4d5e6f","type":"alert","specVersion":"1.0","producer":"ids-01",
                 "time":"2026-12-05T03:00:00Z","body":{"name":"port scan","category":"network-attack/scan","severity":3,
                 "extension":%s}}""".formatted(extension);
    }

    @Test
    void refusesNestingDeeperThan32() {
        assertThat(Parsers.PARSER.parse(alertWith("{\"a\":" + "[".repeat(28) + "]".repeat(28) + "}"))).isNotNull();
        assertThatThrownBy(() -> Parsers.PARSER.parse(alertWith("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")))
                .isInstanceOf(InvalidInformationException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void refusesAStringLongerThan256KiB() {
        String longString = "\"" + "x".repeat(256 * 1024 + 1) + "\"";

        assertThatThrownBy(() -> Parsers.PARSER.parse(alertWith("{\"note\":" + longString + "}")))
                .isInstanceOf(InvalidInformationException.class).hasMessageContaining("String value length");
    }

    @Test
    void refusesANumberLongerThan100Characters() {
        assertThat(Parsers.PARSER.parse(alertWith("{\"n\":" + "9".repeat(100) + "}"))).isNotNull();
        assertThatThrownBy(() -> Parsers.PARSER.parse(alertWith("{\"n\":" + "9".repeat(101) + "}")))
                .isInstanceOf(InvalidInformationException.class).hasMessageContaining("Number value length");
    }

    @Test
    void refusesAMemberNameLongerThan1024Characters() {
        assertThatThrownBy(() -> Parsers.PARSER.parse(alertWith("{\"" + "k".repeat(1025) + "\":1}")))
                .isInstanceOf(InvalidInformationException.class).hasMessageContaining("Name length");
    }
}
