package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;

class NumberRangeTest {

    @Test
    void acceptsWhatADoubleHoldsAndRefusesWhatItDoesNot() {
        for (String held : List.of("0", "-0.0", "1", "1e308", "1.7976931348623157e308", "4.9e-324", "-2.5e-300",
                "123456789012345678901234567890")) {
            assertThat(NumberRange.representable(new BigDecimal(held))).as(held).isTrue();
        }
        for (String outside : List.of("1e99999999", "-1e99999999", "1e-99999999", "1e309", "1.8e308", "1e-400")) {
            assertThat(NumberRange.representable(new BigDecimal(outside))).as(outside).isFalse();
        }
    }

    @Test
    void namesEveryNumberOutsideTheRangeByItsPointer() throws Exception {
        var tree = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree("{\"body\":{\"a/b\":[1,1e999],\"c\":{\"d\":-1e-999,\"e\":2.5}}}");
        List<Violation> violations = new ArrayList<>();

        NumberRange.check(tree, "", violations);

        assertThat(violations).extracting(Violation::pointer).containsExactly("/body/a~1b/1", "/body/c/d");
    }
}
