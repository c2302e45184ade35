package org.hutong.function.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private static final JsonObject ALERT = json("""
            {"id":"a-1","type":"alert","producer":"ids-01","body":{"name":"Port scan","severity":3,
             "source":{"ip":"203.0.113.9","port":4444},"indicators":[{"type":"ip","value":"203.0.113.9"}]},
             "hub":{"id":"h-1"}}""");

    static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aWholePlaceholderKeepsTheValuesJsonType() {
        JsonValue filled = Templates.fill(json("""
                {"ip":"${/body/source/ip}","port":"${/body/source/port}","seen":"${/body/indicators}","fixed":true}"""),
                ALERT);
        assertThat(filled).isEqualTo(json("""
                {"ip":"203.0.113.9","port":4444,"seen":[{"type":"ip","value":"203.0.113.9"}],"fixed":true}"""));
    }

    @Test
    void placeholdersInsideTextAreReplacedByTheirText() {
        assertThat(Templates.fill(json("{\"reason\":\"${/body/name} from ${/body/source/ip}:${/body/source/port}\"}"),
                ALERT)).isEqualTo(json("{\"reason\":\"Port scan from 203.0.113.9:4444\"}"));
        assertThat(Templates.text("${/producer}|${/body/source/ip}", ALERT)).isEqualTo("ids-01|203.0.113.9");
    }

    /** A producer cannot smuggle a placeholder in: what the information says is inserted, never read again. */
    @Test
    void placeholdersInTheInformationAreTextNotTemplates() {
        JsonObject crafted = json("{\"producer\":\"ids-01\",\"body\":{\"name\":\"${/producer}\",\"x\":\"$1 \\\\\"}}");
        assertThat(Templates.fill(json("{\"reason\":\"seen: ${/body/name} ${/body/x}\",\"whole\":\"${/body/name}\"}"),
                crafted)).isEqualTo(json("{\"reason\":\"seen: ${/producer} $1 \\\\\",\"whole\":\"${/producer}\"}"));
    }

    @Test
    void anAbsentMemberLeavesNothingToActOn() {
        assertThatThrownBy(() -> Templates.fill(json("{\"ip\":\"${/body/destination/ip}\"}"), ALERT))
                .isInstanceOf(Templates.MissingValueException.class)
                .hasMessage("the information has no /body/destination/ip");
        // A step through a string is absent too, not an error of the hub.
        assertThatThrownBy(() -> Templates.text("${/body/name/first}", ALERT))
                .isInstanceOf(Templates.MissingValueException.class);
    }

    @Test
    void pointersAreListedForChecking() {
        assertThat(Templates.pointersIn(json("{\"a\":\"${/x} and ${y}\",\"b\":[\"${/z~1w}\"],\"c\":1}")))
                .containsExactly("/x", "y", "/z~1w");
        assertThat(Pointers.valid("/z~1w")).isTrue();
        assertThat(Pointers.valid("y")).isFalse();
        assertThat(Pointers.valid("/bad~2")).isFalse();
    }
}
