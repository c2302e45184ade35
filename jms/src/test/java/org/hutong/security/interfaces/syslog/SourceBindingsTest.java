package org.hutong.security.interfaces.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceBindingsTest {

    @Test
    void bindsLiteralAddressesToProducts() throws Exception {
        SourceBindings bindings = SourceBindings.parse(" 10.8.1.20=fw-01, 2001:db8::7 = ids-01 ,");
        assertEquals(Optional.of("fw-01"), bindings.productOf(InetAddress.getByName("10.8.1.20")));
        assertEquals(Optional.of("ids-01"), bindings.productOf(InetAddress.getByName("2001:db8:0:0:0:0:0:7")));
        assertEquals(Optional.empty(), bindings.productOf(InetAddress.getByName("10.8.1.21")));
        assertTrue(SourceBindings.parse("").isEmpty());
        assertTrue(SourceBindings.parse(null).isEmpty());
    }

    @Test
    void refusesNamesMalformedPairsAndAddressesBoundTwice() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> SourceBindings.parse("fw.example.com=fw-01"));
        assertTrue(name.getMessage().contains("'fw.example.com=fw-01' is not address=product"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceBindings.parse("10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> SourceBindings.parse("10.0.0.1=Not A Product"));
        assertThrows(IllegalArgumentException.class, () -> SourceBindings.parse("10.0.0.1=a,10.0.0.1=b"));
        assertThrows(IllegalArgumentException.class, () -> SourceBindings.parse("10.0.0.999=a"));
    }
}
