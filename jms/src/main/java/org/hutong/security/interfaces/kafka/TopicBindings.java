package org.hutong.security.interfaces.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which product wrote a Kafka record: Kafka records carry no authenticated sender, so each inbound
 * topic is bound to one product ({@code hutong.kafka.inbound}: {@code topic=product} pairs), and the
 * cluster's ACLs must let only that product's principal write to it. What a record says (an
 * envelope's {@code producer}) names no one: an envelope for another producer is refused.
 */
public final class TopicBindings {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern PRODUCT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Map<String, String> products;

    private TopicBindings(Map<String, String> products) {
        this.products = Map.copyOf(products);
    }

    /** @throws IllegalArgumentException naming the first pair that is not {@code topic=product} */
    public static TopicBindings parse(String configured) {
        Map<String, String> products = new LinkedHashMap<>();
        if (configured != null) {
            for (String pair : configured.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String topic = equals < 0 ? "" : pair.substring(0, equals).strip();
                String product = equals < 0 ? "" : pair.substring(equals + 1).strip();
                if (!TOPIC.matcher(topic).matches() || !PRODUCT_ID.matcher(product).matches()) {
                    throw new IllegalArgumentException("hutong.kafka.inbound: '" + pair.strip()
                            + "' is not topic=product (a Kafka topic name and a product id)");
                }
                if (products.putIfAbsent(topic, product) != null) {
                    throw new IllegalArgumentException("hutong.kafka.inbound binds topic " + topic + " twice");
                }
            }
        }
        return new TopicBindings(products);
    }

    public Optional<String> productOf(String topic) {
        return Optional.ofNullable(products.get(topic));
    }

    public Set<String> topics() {
        return products.keySet();
    }

    @Override
    public String toString() {
        return products.toString();
    }
}
