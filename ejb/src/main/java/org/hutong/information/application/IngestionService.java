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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
        List<BatchReceipt.ItemOutcome> outcomes = new ArrayList<>(batch.size());
        for (int index = 0; index < batch.size(); index++) {
            String item = batch.get(index).toString();
            try {
                outcomes.add(BatchReceipt.ItemOutcome.stored(index, store(parser.parse(item))));
            } catch (InvalidInformationException e) {
                outcomes.add(refuse(index, item, e.getMessage(), e.violations(), policy));
            } catch (ConflictingInformationException | InformationTooLargeException e) {
                Violation violation = new Violation(e instanceof ConflictingInformationException ? "/id" : "",
                        e.getMessage());
                outcomes.add(refuse(index, item, e.getMessage(), List.of(violation), policy));
            }
        }
        BatchReceipt receipt = BatchReceipt.of(outcomes);
        LOG.log(Level.FINE, "Batch of {0}: {1} accepted, {2} duplicates, {3} rejected",
                new Object[] {batch.size(), receipt.accepted(), receipt.duplicates(), receipt.rejected()});
        return receipt;
    }

    @Override
    public void reject(String payload, String reason, List<Violation> violations) {
        LOG.log(Level.WARNING, "Rejected information message: {0}", reason);
        rejected.park(payload, reason, violations);
    }

    private IngestionReceipt store(InformationEnvelope envelope) {
        Optional<InformationRecord> stored = repository.findByProducerAndId(envelope.producer(), envelope.id());
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
        InformationView view = InformationView.of(record);
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
