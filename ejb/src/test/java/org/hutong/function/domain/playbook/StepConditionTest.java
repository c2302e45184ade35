package org.hutong.function.domain.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepConditionTest {

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "__grade__:value = 'I'        | I     | true",
        "__grade__:value != 'I'       | I     | false",
        "__grade__:value = 'I'        | II    | false",
        "__count__:value >= 5         | 12    | true",
        "__count__:value < 5          | 12    | false",
        "__count__:value = 5.0        | 5     | true",
        "__version__:value = 1.1      | 1.10  | true",
        "__version__:value = '1.1'    | 1.10  | false",
        "__code__:value = '007'       | 7     | false",
        "__ok__:value = true          | true  | true",
        "  __name__:value='it\\'s'    | it's  | true"})
    void comparesAVariableWithALiteral(String condition, String value, boolean holds) {
        StepCondition parsed = StepCondition.parse(condition).orElseThrow();
        assertThat(parsed.holds(Map.of(parsed.variable(), value))).isEqualTo(holds);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[ipv4-addr:value = '1.2.3.4']", "__a__:value = 'x' AND __b__:value = 'y'",
        "__a__ = 'x'", "__a__:value LIKE 'x%'"})
    void whatIsOutsideTheSubsetDoesNotParse(String condition) {
        assertThat(StepCondition.parse(condition)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anUnknownVariableIsFalse() {
        assertThat(StepCondition.parse("__a__:value = 'x'").orElseThrow().holds(Map.of())).isFalse();
    }
}
