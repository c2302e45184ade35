package org.hutong.information.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.Violation;

/** Ingestion of information: one transaction stores the records and publishes them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class IngestionService implements InformationIngestion {

    private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());
    // Keeps IN lists well inside every database's limits.
    private static final int LOOKUP_CHUNK = 500;

    @Inject
    EnvelopeParser parser;

    @Inject
    InformationLimits limits;

    @Inject
    InformationRepository repository;

    @Inject
    InformationPublisher publisher;

    @Inject
    RejectedInformation rejected;

    @Inject
    Clock clock;

    public IngestionService() {
        // for the container
    }

    IngestionService(EnvelopeParser parser, InformationLimits limits, InformationRepository repository,
            InformationPublisher publisher, RejectedInformation rejected, Clock clock) {
        this.parser = parser;
        this.limits = limits;
        this.repository = repository;
        this.publisher = publisher;
        this.rejected = rejected;
        this.clock = clock;
    }

    @Override
    public IngestionReceipt ingest(String envelopeJson) {
        return store(parser.parse(envelopeJson));
    }

    @Override
    public BatchReceipt ingestBatch(String batchJson, RejectionPolicy policy) {
        JsonArray batch = readArray(batchJson);
        if (batch.size() > limits.maxBatchItems()) {
            throw new InformationTooLargeException("the batch has " + batch.size()
                    + " envelopes; the limit is " + limits.maxBatchItems());
        }
        BatchReceipt.ItemOutcome[] outcomes = new BatchReceipt.ItemOutcome[batch.size()];
        List<Item> valid = new ArrayList<>(batch.size());
        for (int index = 0; index < batch.size(); index++) {
            String text = batch.get(index).toString();
            try {
                valid.add(new Item(index, text, parser.parse(text)));
            } catch (InvalidInformationException e) {
                outcomes[index] = refuse(index, text, e.getMessage(), e.violations(), policy);
            } catch (InformationTooLargeException e) {
                outcomes[index] = refuse(index, text, e.getMessage(), List.of(new Violation("", e.getMessage())), policy);
            }
        }
        // One look-up per producer for what is already stored, then one write and one publication.
        Map<String, InformationRecord> known = storedRecords(valid);
        List<InformationRecord> fresh = new ArrayList<>();
        List<InformationView> freshViews = new ArrayList<>();
        List<Item> accepted = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Item item : valid) {
            InformationEnvelope envelope = item.envelope();
            InformationRecord existing = known.get(key(envelope.producer(), envelope.id()));
            if (existing == null) {
                InformationRecord record = InformationRecord.receive(envelope, now);
                known.put(key(envelope.producer(), envelope.id()), record);
                fresh.add(record);
                accepted.add(item.with(record, true));
            } else if (existing.sameContentAs(envelope)) {
                accepted.add(item.with(existing, false));
            } else {
                String reason = new ConflictingInformationException(envelope.producer(), envelope.id()).getMessage();
                outcomes[item.index()] = refuse(item.index(), item.text(), reason, List.of(new Violation("/id", reason)), policy);
            }
        }
        repository.storeAll(fresh);
        for (Item item : accepted) {
            InformationView view = InformationView.of(item.record(), item.envelope());
            if (item.created()) {
                freshViews.add(view);
            }
            outcomes[item.index()] = BatchReceipt.ItemOutcome.stored(item.index(), new IngestionReceipt(view, item.created()));
        }
        publisher.publishAll(freshViews);
        BatchReceipt receipt = BatchReceipt.of(List.of(outcomes));
        LOG.log(Level.FINE, "Batch of {0}: {1} accepted, {2} duplicates, {3} rejected",
                new Object[] {batch.size(), receipt.accepted(), receipt.duplicates(), receipt.rejected()});
        return receipt;
    }

    /** An envelope of a batch that passed validation, and what it was matched to. */
    private record Item(int index, String text, InformationEnvelope envelope, InformationRecord record, boolean created) {
        Item(int index, String text, InformationEnvelope envelope) {
            this(index, text, envelope, null, false);
        }

        Item with(InformationRecord matched, boolean isNew) {
            return new Item(index, text, envelope, matched, isNew);
        }
    }

    private Map<String, InformationRecord> storedRecords(List<Item> items) {
        Map<String, InformationRecord> stored = new HashMap<>();
        Map<String, List<String>> idsByProducer = new HashMap<>();
        items.forEach(item -> idsByProducer.computeIfAbsent(item.envelope().producer(), p -> new ArrayList<>())
                .add(item.envelope().id()));
        idsByProducer.forEach((producer, ids) -> {
            for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
                repository.findByProducerAndIds(producer, ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK)))
                        .forEach(record -> stored.put(key(record.producer(), record.envelopeId()), record));
            }
        });
        return stored;
    }

    private static String key(String producer, String id) {
        return producer + '\n' + id;
    }

    @Override
    public void reject(String payload, String reason, List<Violation> violations) {
        LOG.log(Level.WARNING, "Rejected information message: {0}", reason);
        rejected.park(payload, reason, violations);
    }

    private IngestionReceipt store(InformationEnvelope envelope) {
        Optional<InformationRecord> stored = repository.findByProducerAndIds(envelope.producer(), List.of(envelope.id()))
                .stream().findFirst();
        if (stored.isPresent()) {
            if (!stored.get().sameContentAs(envelope)) {
                throw new ConflictingInformationException(envelope.producer(), envelope.id());
            }
            LOG.log(Level.FINE, "Duplicate {0} {1} from {2}",
                    new Object[] {envelope.type().wireName(), envelope.id(), envelope.producer()});
            return new IngestionReceipt(InformationView.of(stored.get()), false);
        }
        InformationRecord record = InformationRecord.receive(envelope, clock.instant().truncatedTo(ChronoUnit.MICROS));
        repository.store(record);
        InformationView view = InformationView.of(record, envelope);
        publisher.publish(view);
        LOG.log(Level.FINE, "Accepted {0} {1} from {2} as {3}",
                new Object[] {envelope.type().wireName(), envelope.id(), envelope.producer(), record.hubId()});
        return new IngestionReceipt(view, true);
    }

    private BatchReceipt.ItemOutcome refuse(int index, String item, String reason, List<Violation> violations,
            RejectionPolicy policy) {
        if (policy == RejectionPolicy.PARK) {
            reject(item, "batch item " + index + ": " + reason, violations);
        }
        return BatchReceipt.ItemOutcome.rejected(index, reason, violations);
    }

    private static JsonArray readArray(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInformationException(List.of(new Violation("", "the message is empty")));
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new InvalidInformationException(List.of(new Violation("", "a batch is a JSON array of envelopes")));
            }
            return value.asJsonArray();
        } catch (JsonException e) {
            throw new InvalidInformationException(List.of(new Violation("", "not valid JSON: " + e.getMessage())));
        }
    }
}
