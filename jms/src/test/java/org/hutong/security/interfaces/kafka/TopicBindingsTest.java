package org.hutong.security.interfaces.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicBindingsTest {

    @Test
    void bindsEachTopicToOneProduct() {
        TopicBindings bindings = TopicBindings.parse("fw.events=fw-01, ids.events = ids-01,");
        assertEquals(Optional.of("fw-01"), bindings.productOf("fw.events"));
        assertEquals(Optional.empty(), bindings.productOf("other"));
        assertEquals(Set.of("fw.events", "ids.events"), bindings.topics());
    }

    @Test
    void refusesMalformedPairsAndTopicsBoundTwice() {
        assertThrows(IllegalArgumentException.class, () -> TopicBindings.parse("fw.events"));
        assertThrows(IllegalArgumentException.class, () -> TopicBindings.parse("fw events=fw-01"));
        assertThrows(IllegalArgumentException.class, () -> TopicBindings.parse("fw.events=FW_01"));
        assertThrows(IllegalArgumentException.class, () -> TopicBindings.parse("t=a,t=b"));
    }
}
