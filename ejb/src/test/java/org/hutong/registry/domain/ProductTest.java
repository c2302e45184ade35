package org.hutong.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");
    private static final ProductDescription FIREWALL = new ProductDescription("Example", "NGFW", "7.2", "area-boundary",
            List.of("protect.block-ip"), List.of("alert"), List.of("threat"), CommandChannel.JMS, null);

    @Test
    void isUnreachableOnceSilentForLongerThanAllowed() {
        Product product = new Product("fw-01", FIREWALL, T0);
        Duration silence = Duration.ofMinutes(5);

        assertThat(product.unreachable(T0.plus(Duration.ofMinutes(4)), silence)).isFalse();
        assertThat(product.unreachable(T0.plus(Duration.ofMinutes(6)), silence)).isTrue();
        product.seen(T0.plus(Duration.ofMinutes(6)));
        assertThat(product.unreachable(T0.plus(Duration.ofMinutes(7)), silence)).isFalse();
        // A heartbeat from the past does not move last-seen back.
        product.seen(T0);
        assertThat(product.lastSeenAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
    }

    @Test
    void takesCommandsOnItsOwnQueueAndRefusesIdsThatAreNotQueueSafeOrReserved() {
        assertThat(new Product("fw-01", FIREWALL, T0).queue()).isEqualTo("hutong.function.fw-01");
        for (String bad : List.of("FW", "fw.01", "-fw", "results", "a".repeat(65))) {
            assertThatThrownBy(() -> new Product(bad, FIREWALL, T0)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
