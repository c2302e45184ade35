package org.hutong.information.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.hutong.shared.domain.InformationType;

class ClassificationTest {

    private static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void normalisesSeverityAcrossTypes() {
        assertThat(Classification.of(InformationType.ALERT, body("{\"severity\":3,\"category\":\"malware\"}")))
                .isEqualTo(new Classification(OptionalInt.of(3), Optional.of("malware")));
        assertThat(Classification.of(InformationType.VULNERABILITY, body("{\"grade\":\"critical\",\"class\":\"code/logic\"}")))
                .isEqualTo(new Classification(OptionalInt.of(4), Optional.of("code/logic")));
        assertThat(Classification.of(InformationType.INCIDENT,
                body("{\"grade\":\"IV\",\"category\":\"malware\",\"subCategory\":\"malware/ransomware\"}")))
                .isEqualTo(new Classification(OptionalInt.of(1), Optional.of("malware/ransomware")));
    }

    @Test
    void leavesOtherTypesUnclassified() {
        assertThat(Classification.of(InformationType.THREAT, body("{\"confidence\":90}")))
                .isEqualTo(new Classification(OptionalInt.empty(), Optional.empty()));
    }
}
