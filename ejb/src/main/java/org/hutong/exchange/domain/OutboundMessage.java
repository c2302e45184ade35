package org.hutong.exchange.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A message the hub has decided to publish: its broker address and routing, the id the broker
 * de-duplicates it by, message properties (strings and integers), a JSON text body, and for a
 * request its correlation id, reply queue and expiry (each may be null).
 */
public record OutboundMessage(String address, Routing routing, String duplicateId, Map<String, Object> properties,
        String body, String correlationId, String replyTo, Instant expiresAt) {

    /** A message that is not a request: no correlation id, reply queue or expiry. */
    public OutboundMessage(String address, Routing routing, String duplicateId, Map<String, Object> properties,
            String body) {
        this(address, routing, duplicateId, properties, body, null, null, null);
    }

    /** How the broker routes it: to every subscription of the address, or to one consumer of its queue. */
    public enum Routing {
        MULTICAST, ANYCAST;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Routing fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public OutboundMessage {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(duplicateId, "duplicateId");
        Objects.requireNonNull(body, "body");
        properties = Map.copyOf(properties);
        properties.forEach((name, value) -> {
            if (!(value instanceof String) && !(value instanceof Integer) && !(value instanceof Long)) {
                throw new IllegalArgumentException("property " + name + " is neither a string nor an integer");
            }
        });
    }
}
