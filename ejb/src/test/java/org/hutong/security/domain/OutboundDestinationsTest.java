package org.hutong.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundDestinationsTest {

    private final OutboundDestinations none = new OutboundDestinations("");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.8.8", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "240.0.0.1",
        "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void refusesAddressesThatAreNotPublic(String address) throws Exception {
        assertThat(none.refusal("example", InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2001:db8::1", "2606:4700::1111"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(none.refusal("example", InetAddress.getByName(address))).as(address).isEmpty();
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsNotPublic() throws Exception {
        assertThat(none.refusal("rebinding.example", InetAddress.getByName("203.0.113.7"),
                InetAddress.getByName("127.0.0.1"))).get().asString().contains("127.0.0.1");
    }

    @Test
    void allowsListedAddressesBlocksAndNamesOnly() throws Exception {
        OutboundDestinations allowed = new OutboundDestinations(" 127.0.0.1, 10.8.0.0/16, fw.internal.example, fd00::/8");

        assertThat(allowed.refusal("x", InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(allowed.refusal("x", InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(allowed.refusal("x", InetAddress.getByName("10.8.200.1"))).isEmpty();
        assertThat(allowed.refusal("x", InetAddress.getByName("10.9.0.1"))).isPresent();
        assertThat(allowed.refusal("FW.internal.example", InetAddress.getByName("10.9.0.1"))).isEmpty();
        assertThat(allowed.refusal("x", InetAddress.getByName("fd12::1"))).isEmpty();
        assertThat(allowed.refusal("x", InetAddress.getByName("fc00::1"))).isPresent();
    }

    @Test
    void refusesAnAllowListItCannotRead() {
        assertThatThrownBy(() -> new OutboundDestinations("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundDestinations("example.org/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
