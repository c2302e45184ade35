package org.hutong.exchange.infrastructure.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hutong.shared.domain.InformationType;

/**
 * Which Kafka topic distributed information of each type goes to ({@code hutong.kafka.outbound}:
 * {@code type=topic} pairs, {@code *} for every other type), e.g. {@code alert=soc.alerts, *=hutong.all}.
 */
public final class KafkaRoutes {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final String EVERY_TYPE = "*";

    private final Map<String, String> topics;

    private KafkaRoutes(Map<String, String> topics) {
        this.topics = Map.copyOf(topics);
    }

    /** @throws IllegalArgumentException naming the first pair that is not {@code type=topic} */
    public static KafkaRoutes parse(String configured) {
        Map<String, String> topics = new LinkedHashMap<>();
        if (configured != null) {
            for (String pair : configured.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String type = equals < 0 ? "" : pair.substring(0, equals).strip();
                String topic = equals < 0 ? "" : pair.substring(equals + 1).strip();
                boolean knownType = EVERY_TYPE.equals(type) || InformationType.fromWireName(type).isPresent();
                if (!knownType || !TOPIC.matcher(topic).matches() || topics.putIfAbsent(type, topic) != null) {
                    throw new IllegalArgumentException("hutong.kafka.outbound: '" + pair.strip()
                            + "' is not type=topic (an information type or *, once each, and a Kafka topic name)");
                }
            }
        }
        return new KafkaRoutes(topics);
    }

    /** The topic of a message for the broker address {@code hutong.information.<type>}, if it goes to Kafka. */
    public Optional<String> topicOf(String address) {
        if (!address.startsWith(InformationType.ADDRESS_PREFIX)) {
            return Optional.empty();
        }
        String type = address.substring(InformationType.ADDRESS_PREFIX.length());
        return Optional.ofNullable(topics.getOrDefault(type, topics.get(EVERY_TYPE)));
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    public java.util.Collection<String> allTopics() {
        return new java.util.TreeSet<>(topics.values());
    }

    @Override
    public String toString() {
        return topics.toString();
    }
}
