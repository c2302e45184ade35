package org.hutong.function.domain.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableValuesTest {

    private final JsonObject arguments = JSON.createObjectBuilder()
            .add("host", JSON.createObjectBuilder().add("ip", "__host__:value"))
            .add("reason", "incident __incident__:value on __host__:value").add("count", 3).build();

    @Test
    void replacesEveryReferenceInEveryString() {
        JsonObject filled = (JsonObject) VariableValues.substitute(arguments,
                Map.of("__host__", "10.0.0.5", "__incident__", "inc-1"));

        assertThat(filled.getJsonObject("host").getString("ip")).isEqualTo("10.0.0.5");
        assertThat(filled.getString("reason")).isEqualTo("incident inc-1 on 10.0.0.5");
        assertThat(filled.getInt("count")).isEqualTo(3);
        assertThat(VariableValues.referencedIn(arguments)).containsExactly("__host__", "__incident__");
    }

    @Test
    void aReferenceWithoutAValueStopsTheStep() {
        assertThatThrownBy(() -> VariableValues.substitute(arguments, Map.of("__host__", "10.0.0.5")))
                .isInstanceOf(VariableValues.UnknownValueException.class).hasMessageContaining("__incident__");
    }

    @Test
    void aValueIsNotReadAsAPatternOrAReference() {
        assertThat(VariableValues.substitute("__a__:value", Map.of("__a__", "$1 \\ __b__:value")))
                .isEqualTo("$1 \\ __b__:value");
    }
}
