package org.hutong.exchange.infrastructure.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka's transactional, idempotent producer for the relay: each batch of outbox rows is one Kafka
 * transaction, every record keyed by its producer and carrying {@code hutong_outbox_no}. Whenever the
 * producer is (re)made — first use, after any failure, after a crash — it first reads the last
 * records of the outbound topics back (read_committed) and skips the rows Kafka already has: a
 * crash between Kafka's commit and the outbox delete does not publish anything twice.
 */
@ApplicationScoped
public class KafkaPublisher {

    static final String OUTBOX_NO = "hutong_outbox_no";
    private static final Logger LOG = Logger.getLogger(KafkaPublisher.class.getName());
    private static final Duration READ_BACK_LIMIT = Duration.ofSeconds(30);

    @Inject
    KafkaClientSettings settings;

    @Inject
    @ConfigProperty(name = "hutong.kafka.transactional.id", defaultValue = "hutong-kafka-relay")
    String transactionalId;

    private KafkaProducer<byte[], byte[]> producer;
    private final TreeSet<Long> published = new TreeSet<>();

    /** Publishes what Kafka does not have yet, in one transaction; returns when Kafka committed it. */
    synchronized void publish(List<KafkaOutboxTable.Pending> pending, Collection<String> topics, int window) {
        if (producer == null) {
            producer = create();
            published.clear();
            published.addAll(readBack(topics, window));
        }
        // Rows older than the oldest waiting one are gone from the outbox: forget them.
        published.headSet(pending.get(0).outboxNo()).clear();
        List<KafkaOutboxTable.Pending> fresh = pending.stream().filter(row -> !published.contains(row.outboxNo())).toList();
        if (fresh.size() < pending.size()) {
            LOG.log(Level.INFO, "Kafka has {0} outbox record(s) already (published before a failure): not sent again",
                    pending.size() - fresh.size());
        }
        if (fresh.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            for (KafkaOutboxTable.Pending row : fresh) {
                producer.send(record(row));
            }
            producer.commitTransaction();
            fresh.forEach(row -> published.add(row.outboxNo()));
        } catch (KafkaException | IllegalStateException e) {
            close();
            throw new IllegalStateException("Kafka did not commit " + fresh.size() + " record(s): " + e.getMessage(), e);
        }
    }

    private static ProducerRecord<byte[], byte[]> record(KafkaOutboxTable.Pending row) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(row.topic(),
                row.key() == null ? null : row.key().getBytes(StandardCharsets.UTF_8),
                row.body().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> header : row.headers().entrySet()) {
            record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(OUTBOX_NO, ByteBuffer.allocate(Long.BYTES).putLong(row.outboxNo()).array());
        return record;
    }

    private KafkaProducer<byte[], byte[]> create() {
        Properties properties = settings.client();
        properties.put("transactional.id", transactionalId);
        properties.put("enable.idempotence", "true");
        properties.put("acks", "all");
        properties.put("client.id", "hutong-relay");
        // A missing topic or an unreachable cluster fails the step soon; the relay retries with back-off.
        properties.put("max.block.ms", "10000");
        properties.put("key.serializer", ByteArraySerializer.class.getName());
        properties.put("value.serializer", ByteArraySerializer.class.getName());
        KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(properties);
        try {
            // Fences an earlier instance with this transactional id and aborts what it left open.
            created.initTransactions();
            return created;
        } catch (KafkaException e) {
            created.close(Duration.ZERO);
            throw e;
        }
    }

    /** The outbox numbers among the last {@code window} committed records of each partition of {@code topics}. */
    private Collection<Long> readBack(Collection<String> topics, int window) {
        Properties properties = settings.client();
        properties.put("isolation.level", "read_committed");
        properties.put("enable.auto.commit", "false");
        properties.put("client.id", "hutong-relay-read-back");
        properties.put("default.api.timeout.ms", "10000");
        properties.put("key.deserializer", ByteArrayDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<Long> numbers = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - window));
            }
            Instant deadline = Instant.now().plus(READ_BACK_LIMIT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading the outbound topics back took over " + READ_BACK_LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader(OUTBOX_NO);
                    if (header != null && header.value().length == Long.BYTES) {
                        numbers.add(ByteBuffer.wrap(header.value()).getLong());
                    }
                }
            }
        }
        return numbers;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (KafkaException e) {
                LOG.log(Level.FINE, "Closing the Kafka producer: {0}", e.toString());
            }
            producer = null;
        }
    }
}
