package org.hutong.information.interfaces.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.exchange.application.ConsumedOffsets.Position;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.exchange.infrastructure.kafka.KafkaClientSettings;
import org.hutong.information.application.kafka.KafkaIngestion;
import org.hutong.security.interfaces.kafka.TopicBindings;
import org.hutong.shared.domain.Sender;
import org.hutong.shared.infrastructure.work.StartupGate;

/**
 * Consumes envelopes (one per record, or a JSON array) from the Kafka topics bound to products in
 * {@code hutong.kafka.inbound}, on a container-managed thread. Each poll's records are stored with
 * the group's position in one transaction; on assignment the consumer seeks to the stored positions,
 * so Kafka's own offset commit (made after, for tools that watch the group) is never what decides.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KafkaIngress {

    private static final Logger LOG = Logger.getLogger(KafkaIngress.class.getName());
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_START_WAIT = Duration.ofMinutes(3);
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    @Resource
    ManagedExecutorService executor;

    @EJB
    KafkaIngestion ingestion;

    @Inject
    KafkaClientSettings settings;

    @Inject
    StartupGate gate;

    @Inject
    @ConfigProperty(name = "hutong.kafka.inbound")
    Optional<String> inbound;

    @Inject
    @ConfigProperty(name = "hutong.kafka.group", defaultValue = "hutong")
    String group;

    @Inject
    @ConfigProperty(name = "hutong.kafka.inbound.max.records", defaultValue = "500")
    int maxRecords;

    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    @PostConstruct
    void start() {
        TopicBindings bindings = TopicBindings.parse(inbound.orElse(""));
        if (!settings.enabled() || bindings.topics().isEmpty()) {
            LOG.log(Level.INFO, "Kafka intake is off (hutong.kafka.bootstrap and hutong.kafka.inbound name none)");
            return;
        }
        LOG.log(Level.INFO, "Kafka intake: topics bound to products {0}, group {1}", new Object[] {bindings, group});
        executor.submit(() -> consume(bindings));
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void consume(TopicBindings bindings) {
        try {
            gate.awaitOpen(MAX_START_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long backoff = 0;
        while (running) {
            try (KafkaConsumer<byte[], byte[]> client = new KafkaConsumer<>(properties())) {
                consumer = client;
                client.subscribe(bindings.topics(), new SeekToStoredPositions(client, bindings.topics()));
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = client.poll(POLL);
                    if (!records.isEmpty()) {
                        store(client, records, bindings);
                    }
                    if (backoff > 0) {
                        LOG.log(Level.INFO, "Kafka intake works again");
                        backoff = 0;
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // Logged once when the outage starts; it ends with the line above.
                LOG.log(backoff == 0 ? Level.WARNING : Level.FINE, "Kafka intake failed ({0}); it starts again from"
                        + " the stored positions, retrying with back-off", e.toString());
                backoff = backoff == 0 ? 500 : Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                sleep(backoff);
            } finally {
                consumer = null;
            }
        }
    }

    private void store(KafkaConsumer<byte[], byte[]> client, ConsumerRecords<byte[], byte[]> records,
            TopicBindings bindings) {
        List<ReceivedMessage> messages = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String product = bindings.productOf(record.topic()).orElseThrow();
            messages.add(message(record, product));
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        List<Position> positions = new ArrayList<>();
        next.forEach((partition, offset) -> positions.add(new Position(partition.topic(), partition.partition(), offset)));
        // Stored with the positions, or not at all: a failure here restarts the consumer from the stored positions.
        ingestion.ingest(group, messages, positions);
        Map<TopicPartition, OffsetAndMetadata> commit = new LinkedHashMap<>();
        next.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
        try {
            client.commitSync(commit);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Kafka offset commit failed (the stored positions decide): {0}", e.toString());
        }
    }

    private static ReceivedMessage message(ConsumerRecord<byte[], byte[]> record, String product) {
        String claimed = "kafka topic " + record.topic();
        if (record.value() == null) {
            return ReceivedMessage.unreadable("the Kafka record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no value", claimed);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(record.value())).toString();
            return ReceivedMessage.readable(text, Sender.product(product), claimed);
        } catch (CharacterCodingException e) {
            return ReceivedMessage.unreadable("the Kafka record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not UTF-8 text", claimed);
        }
    }

    private Properties properties() {
        Properties properties = settings.client();
        properties.put("group.id", group);
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        properties.put("isolation.level", "read_committed");
        properties.put("max.poll.records", Integer.toString(maxRecords));
        properties.put("key.deserializer", ByteArrayDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        properties.put("client.id", "hutong-intake");
        return properties;
    }

    /** On assignment, continues each partition where the stored position says (else Kafka's committed offset). */
    private final class SeekToStoredPositions implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> client;
        private final Collection<String> topics;

        SeekToStoredPositions(KafkaConsumer<byte[], byte[]> client, Collection<String> topics) {
            this.client = client;
            this.topics = topics;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (Position position : ingestion.positions(group, topics)) {
                TopicPartition partition = new TopicPartition(position.topic(), position.partition());
                if (partitions.contains(partition)) {
                    client.seek(partition, position.nextOffset());
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // positions are stored with every batch: nothing to save here
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
