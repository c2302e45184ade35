package org.hutong.security.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class OutboundPolicyTest {

    @Test
    void checksSchemeHostAndUserInformation() {
        OutboundPolicy policy = new OutboundPolicy("", false);

        assertThat(policy.refusal("ftp://203.0.113.7/x")).get().asString().contains("http(s)");
        assertThat(policy.refusal("https:///path")).isPresent();
        assertThat(policy.refusal("https://user:secret@203.0.113.7/")).get().asString().contains("user information");
        assertThat(policy.refusal("not a url")).isPresent();
        assertThat(policy.refusal(null)).isPresent();
        assertThat(policy.refusal("http://203.0.113.7:8443/commands")).isEmpty();
    }

    @Test
    void acceptsOnlyHttpsWhenConfiguredForProduction() {
        OutboundPolicy production = new OutboundPolicy("", true);

        assertThat(production.refusal("http://203.0.113.7/")).get().asString().contains("https");
        assertThat(production.refusal("https://203.0.113.7/")).isEmpty();
    }

    @Test
    void refusesLiteralAndResolvedNonPublicAddressesUnlessAllowed() throws Exception {
        OutboundPolicy policy = new OutboundPolicy("127.0.0.1", false);

        assertThat(policy.refusal("http://[::1]:8161/")).get().asString().contains("not a public address");
        assertThat(policy.refusal("http://127.0.0.2/")).isPresent();
        assertThat(policy.refusal("http://127.0.0.1:9999/")).isEmpty();
        assertThat(policy.resolve("127.0.0.1")).hasSize(1);
        assertThatThrownBy(() -> policy.resolve("169.254.169.254")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("not a public address");
    }

    @Test
    void leavesNamesThatDoNotResolveYetToTheDeliveryCheck() {
        OutboundPolicy policy = new OutboundPolicy("", false);

        assertThat(policy.refusal("https://no-such-host.invalid/commands")).isEmpty();
        assertThatThrownBy(() -> policy.resolve("no-such-host.invalid")).isInstanceOf(UnknownHostException.class);
    }
}
