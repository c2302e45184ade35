package org.hutong.exchange.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxTableTest {

    @Test
    void messagePropertiesSurviveTheTableWithTheirTypes() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("hutong_type", "alert");
        properties.put("hutong_severity", 3);
        properties.put("hutong_big", 5_000_000_000L);
        properties.put("quoted", "a \"b\" \\ c");

        Map<String, Object> read = OutboxTable.properties(OutboxTable.properties(properties));

        assertThat(read).isEqualTo(properties);
        assertThat(read.get("hutong_severity")).isInstanceOf(Integer.class);
        assertThat(read.get("hutong_big")).isInstanceOf(Long.class);
    }
}
