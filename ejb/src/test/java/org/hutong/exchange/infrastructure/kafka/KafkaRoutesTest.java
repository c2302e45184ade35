package org.hutong.exchange.infrastructure.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaRoutesTest {

    @Test
    void routesEachTypeToItsTopicAndTheRestToTheWildcard() {
        KafkaRoutes routes = KafkaRoutes.parse(" alert = soc.alerts, *=hutong.all ");
        assertEquals(Optional.of("soc.alerts"), routes.topicOf("hutong.information.alert"));
        assertEquals(Optional.of("hutong.all"), routes.topicOf("hutong.information.incident"));
        assertEquals(Optional.empty(), routes.topicOf("hutong.function.fw-01"), "commands never go to Kafka");
        KafkaRoutes alertsOnly = KafkaRoutes.parse("alert=soc.alerts");
        assertEquals(Optional.empty(), alertsOnly.topicOf("hutong.information.asset"));
        assertTrue(KafkaRoutes.parse("").isEmpty());
    }

    @Test
    void refusesUnknownTypesBadTopicsAndRepeats() {
        assertThrows(IllegalArgumentException.class, () -> KafkaRoutes.parse("alerts=soc.alerts"));
        assertThrows(IllegalArgumentException.class, () -> KafkaRoutes.parse("alert=soc alerts"));
        assertThrows(IllegalArgumentException.class, () -> KafkaRoutes.parse("alert=a,alert=b"));
        assertThrows(IllegalArgumentException.class, () -> KafkaRoutes.parse("alert"));
    }
}
