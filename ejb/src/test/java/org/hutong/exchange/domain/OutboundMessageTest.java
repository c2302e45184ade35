package org.hutong.exchange.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundMessageTest {

    @Test
    void propertiesAreStringsOrIntegersOnly() {
        assertThatThrownBy(() -> new OutboundMessage("hutong.information.alert", OutboundMessage.Routing.MULTICAST, "id",
                Map.of("score", 0.5), "{}")).hasMessageContaining("score");
    }

    @Test
    void routingHasAWireName() {
        assertThat(OutboundMessage.Routing.fromWireName(OutboundMessage.Routing.ANYCAST.wireName()))
                .isEqualTo(OutboundMessage.Routing.ANYCAST);
    }
}
