package org.hutong.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductRightsTest {

    private final ProductRights firewall = new ProductRights("fw-01", true, Set.of("alert"), Set.of("threat"));

    @Test
    void publishesOnlyAsItselfAndOnlyWhatItRegistered() {
        assertThat(firewall.publishRefusal("fw-01", "alert")).isEmpty();
        assertThat(firewall.publishRefusal("ids-01", "alert"))
                .hasValue("the producer 'ids-01' is not the authenticated product 'fw-01'");
        assertThat(firewall.publishRefusal("fw-01", "asset"))
                .hasValue("product 'fw-01' did not register to publish asset information");
    }

    @Test
    void aSuspendedProductPublishesNothing() {
        ProductRights suspended = new ProductRights("fw-01", false, Set.of("alert"), Set.of());

        assertThat(suspended.publishRefusal("fw-01", "alert")).hasValue("product 'fw-01' is not active");
    }

    @Test
    void readsWhatItSubscribedTo() {
        assertThat(firewall.mayRead("threat")).isTrue();
        assertThat(firewall.mayRead("alert")).isFalse();
        assertThat(firewall.mayReadOwn()).isTrue();
    }

    @Test
    void aSuspendedProductReadsNothing() {
        ProductRights suspended = new ProductRights("fw-01", false, Set.of("alert"), Set.of("threat"));

        assertThat(suspended.mayRead("threat")).isFalse();
        assertThat(suspended.mayReadOwn()).isFalse();
    }
}
