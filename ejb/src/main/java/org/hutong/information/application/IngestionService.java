package org.hutong.information.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.domain.AuditEntry;
import jakarta.json.JsonObject;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.correlation.IncidentDraft;
import org.hutong.shared.domain.InformationType;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.ReplayedInformationException;
import org.hutong.shared.domain.Violation;
import org.hutong.information.domain.state.IllegalTransitionException;
import org.hutong.security.application.EnvelopeIntegrity;
import org.hutong.security.application.ProductRightsService;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.security.domain.ProductRights;
import org.hutong.shared.domain.Sender;
import org.hutong.exchange.application.ReceivedMessage;

/** Ingestion of information: one transaction stores the records and publishes them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class IngestionService implements InformationIngestion {

    private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());
    private static final String SPEC_VERSION = "1.0";
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
    RecordKeeper records;

    @Inject
    Clock clock;

    @Inject
    ProductRightsService rights;

    @Inject
    EnvelopeIntegrity integrity;

    @EJB
    AuditLog audit;

    public IngestionService() {
        // for the container
    }

    IngestionService(EnvelopeParser parser, InformationLimits limits, InformationRepository repository,
            InformationPublisher publisher, RejectedInformation rejected, RecordKeeper records, Clock clock) {
        this.parser = parser;
        this.records = records;
        this.limits = limits;
        this.repository = repository;
        this.publisher = publisher;
        this.rejected = rejected;
        this.clock = clock;
    }

    @Override
    public IngestionReceipt ingest(String envelopeJson, Sender sender) {
        Admitted admitted = admit(envelopeJson, null, rightsOf(sender), integrity.checks());
        Outcome outcome = storeAll(List.of(admitted)).get(0);
        if (outcome.conflict() != null) {
            throw outcome.conflict();
        }
        return outcome.receipt();
    }

    @Override
    public String publishOwn(InformationType type, JsonObject body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = JSON.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("type", type.wireName())
                .add("specVersion", SPEC_VERSION).add("producer", IncidentDraft.REPORTER).add("time", now.toString())
                .add("body", body).build().toString();
        InformationEnvelope envelope;
        try {
            envelope = parser.parse(text);
        } catch (InvalidInformationException e) {
            // The hub wrote it: a violation here is the hub's bug, not the sender's.
            throw new IllegalStateException("the hub produced invalid " + type.wireName() + " information: "
                    + e.violations(), e);
        }
        InformationRecord record = InformationRecord.receive(envelope, now);
        repository.storeAll(List.of(record));
        publisher.publishAll(List.of(record));
        return record.hubId();
    }

    /**
     * An envelope that passed admission, and whether a stored earlier copy makes it a replay: it was
     * signed, and it is not the broker's redelivery of a message whose first delivery may have been
     * stored (then the same content is a duplicate, as for an unsigned envelope).
     */
    private record Admitted(InformationEnvelope envelope, boolean repeatIsReplay) {

        Admitted redelivered() {
            return new Admitted(envelope, false);
        }
    }

    /**
     * The admission step every channel takes for every envelope (HTTP single and batch, JMS single
     * and batch, results carrying information): parse (size limits, schema, code lists) → the
     * sender's right to publish it as its producer → its signature under the producer's policy.
     * Storing follows, for many admitted envelopes at once ({@link #storeAll}).
     *
     * @param node the envelope already read as part of a batch, or null to read {@code text}
     * @param signatures the signature checks of this call (each producer's policy looked up once)
     * @throws InvalidInformationException, InformationTooLargeException if it cannot be taken
     * @throws AccessRefusedException if the sender may not publish it or its signature does not hold
     */
    private Admitted admit(String text, JsonNode node, Optional<ProductRights> senderRights,
            EnvelopeIntegrity.Checks signatures) {
        InformationEnvelope envelope = node == null ? parser.parse(text) : parser.parse(node, text);
        senderRights.flatMap(granted -> granted.publishRefusal(envelope.producer(), envelope.type().wireName()))
                .ifPresent(reason -> {
                    throw new AccessRefusedException(reason);
                });
        try {
            return new Admitted(envelope, signatures.check(envelope, text));
        } catch (AccessRefusedException e) {
            throw new SignatureRefusedException(e.getMessage());
        }
    }

    /** The signature step refused an envelope: a batch answers it at {@code /signature}. */
    private static final class SignatureRefusedException extends AccessRefusedException {

        private static final long serialVersionUID = 1L;

        SignatureRefusedException(String message) {
            super(message);
        }
    }

    @Override
    public BatchReceipt ingestBatch(String batchJson, RejectionPolicy policy, Sender sender) {
        return ingestBatch(batchJson, policy, sender, false);
    }

    private BatchReceipt ingestBatch(String batchJson, RejectionPolicy policy, Sender sender, boolean redelivered) {
        List<JsonNode> batch = parser.readBatch(batchJson);
        Optional<ProductRights> senderRights = rightsOf(sender);
        if (batch.size() > limits.maxBatchItems()) {
            throw new InformationTooLargeException("the batch has " + batch.size()
                    + " envelopes; the limit is " + limits.maxBatchItems());
        }
        BatchReceipt.ItemOutcome[] outcomes = new BatchReceipt.ItemOutcome[batch.size()];
        List<Integer> validIndexes = new ArrayList<>(batch.size());
        List<Admitted> valid = new ArrayList<>(batch.size());
        EnvelopeIntegrity.Checks signatures = integrity.checks();
        for (int index = 0; index < batch.size(); index++) {
            String text = batch.get(index).toString();
            try {
                Admitted admitted = admit(text, batch.get(index), senderRights, signatures);
                valid.add(redelivered ? admitted.redelivered() : admitted);
                validIndexes.add(index);
            } catch (InvalidInformationException e) {
                outcomes[index] = refuse(index, text, e.getMessage(), e.violations(), policy);
            } catch (InformationTooLargeException e) {
                outcomes[index] = refuse(index, text, e.getMessage(), List.of(new Violation("", e.getMessage())), policy);
            } catch (AccessRefusedException e) {
                Violation violation = new Violation(e instanceof SignatureRefusedException ? "/signature" : "/producer",
                        e.getMessage());
                outcomes[index] = refuse(index, text, e.getMessage(), List.of(violation), policy);
            }
        }
        List<Outcome> stored = storeAll(valid);
        for (int i = 0; i < stored.size(); i++) {
            int index = validIndexes.get(i);
            ConflictingInformationException conflict = stored.get(i).conflict();
            outcomes[index] = conflict == null
                    ? BatchReceipt.ItemOutcome.stored(index, stored.get(i).receipt())
                    : refuse(index, batch.get(index).toString(), conflict.getMessage(),
                            List.of(new Violation(conflict.pointer(), conflict.getMessage())), policy);
        }
        BatchReceipt receipt = BatchReceipt.of(List.of(outcomes));
        LOG.log(Level.FINE, "Batch of {0}: {1} accepted, {2} duplicates, {3} rejected",
                new Object[] {batch.size(), receipt.accepted(), receipt.duplicates(), receipt.rejected()});
        return receipt;
    }

    /**
     * Every single envelope of the batch is admitted on its own and all are stored together (one
     * look-up, one write, one publication); a message carrying a JSON array is a batch of its own,
     * taken in its turn so that each producer's information is published in the order it was sent.
     */
    @Override
    public void ingestReceived(List<ReceivedMessage> messages) {
        List<ReceivedMessage> admittedMessages = new ArrayList<>();
        List<Admitted> admitted = new ArrayList<>();
        EnvelopeIntegrity.Checks signatures = integrity.checks();
        Map<Sender, Optional<ProductRights>> rightsBySender = new HashMap<>();
        for (ReceivedMessage message : messages) {
            if (message.unreadable()) {
                reject("", message.refusal(), List.of(new Violation("", message.refusal())));
                continue;
            }
            if (message.sender() == null) {
                refused(message, message.refusal());
                continue;
            }
            try {
                Optional<ProductRights> senderRights = rightsBySender.get(message.sender());
                if (senderRights == null) {
                    senderRights = rightsOf(message.sender());
                    rightsBySender.put(message.sender(), senderRights);
                }
                if (InformationIngestion.isBatch(message.payload())) {
                    storeAdmitted(admittedMessages, admitted);
                    ingestBatch(message.payload(), RejectionPolicy.PARK, message.sender(), message.redelivered());
                } else {
                    Admitted envelope = admit(message.payload(), null, senderRights, signatures);
                    admitted.add(message.redelivered() ? envelope.redelivered() : envelope);
                    admittedMessages.add(message);
                }
            } catch (AccessRefusedException e) {
                refused(message, e.getMessage());
            } catch (InformationTooLargeException e) {
                reject(message.payload(), e.getMessage(), List.of(new Violation("", e.getMessage())));
            } catch (InvalidInformationException e) {
                reject(message.payload(), e.getMessage(), e.violations());
            }
        }
        storeAdmitted(admittedMessages, admitted);
    }

    /** Stores what was admitted so far and parks the messages whose envelope conflicts; empties both lists. */
    private void storeAdmitted(List<ReceivedMessage> messages, List<Admitted> admitted) {
        List<Outcome> outcomes = storeAll(admitted);
        for (int i = 0; i < outcomes.size(); i++) {
            ConflictingInformationException conflict = outcomes.get(i).conflict();
            if (conflict != null) {
                reject(messages.get(i).payload(), conflict.getMessage(),
                        List.of(new Violation(conflict.pointer(), conflict.getMessage())));
            }
        }
        messages.clear();
        admitted.clear();
    }

    /** Refused like an HTTP request would be, and audited like one. */
    private void refused(ReceivedMessage message, String reason) {
        audit.recordSecurityEvent(AuditEntry.refused(message.claimedUser(), "information.publish",
                "hutong.information.ingress", reason));
        reject(message.payload(), reason, List.of(new Violation("/producer", reason)));
    }

    private Optional<ProductRights> rightsOf(Sender sender) {
        return sender.isHub() ? Optional.empty() : Optional.of(rights.require(sender.productId()));
    }

    @Override
    public void reject(String payload, String reason, List<Violation> violations) {
        LOG.log(Level.WARNING, "Rejected information message: {0}", reason);
        rejected.park(payload, reason, violations);
    }

    /** What became of one valid envelope: stored now or before (its receipt), or refused as a conflict. */
    private record Outcome(IngestionReceipt receipt, ConflictingInformationException conflict) {
    }

    /**
     * Stores the envelopes that are new, in order, and publishes them: one look-up per producer for
     * what is already stored, one write, one publication. A repeat of stored content (earlier, or
     * earlier in the same list) is a duplicate; the same id with other content is a conflict, and
     * so is an incident update its lifecycle does not allow. Stateful records follow in order.
     */
    private List<Outcome> storeAll(List<Admitted> admitted) {
        if (admitted.isEmpty()) {
            return List.of();
        }
        List<InformationEnvelope> envelopes = admitted.stream().map(Admitted::envelope).toList();
        Set<InformationEnvelope> replayable = Collections.newSetFromMap(new IdentityHashMap<>());
        admitted.stream().filter(Admitted::repeatIsReplay).forEach(a -> replayable.add(a.envelope()));
        Map<String, InformationRecord> known = storedRecords(envelopes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<InformationRecord> matched = new ArrayList<>(envelopes.size());
        Map<Integer, ConflictingInformationException> conflicts = new HashMap<>();
        Set<InformationRecord> fresh = new LinkedHashSet<>();
        for (int i = 0; i < envelopes.size(); i++) {
            InformationEnvelope envelope = envelopes.get(i);
            String key = key(envelope.producer(), envelope.id());
            InformationRecord existing = known.get(key);
            if (existing == null) {
                InformationRecord record = InformationRecord.receive(envelope, now);
                try {
                    records.observe(record, envelope, now);
                } catch (IllegalTransitionException e) {
                    // Refused before anything changed; a later repeat of it is checked afresh.
                    conflicts.put(i, e);
                    matched.add(null);
                    continue;
                }
                known.put(key, record);
                fresh.add(record);
                matched.add(record);
            } else if (replayable.contains(envelope)) {
                conflicts.put(i, new ReplayedInformationException(envelope.producer(), envelope.id()));
                matched.add(null);
            } else if (existing.sameContentAs(envelope)) {
                matched.add(existing);
            } else {
                conflicts.put(i, new ConflictingInformationException(envelope.producer(), envelope.id()));
                matched.add(null);
            }
        }
        repository.storeAll(List.copyOf(fresh));
        List<Outcome> outcomes = new ArrayList<>(envelopes.size());
        List<InformationRecord> published = new ArrayList<>(fresh.size());
        for (int i = 0; i < envelopes.size(); i++) {
            InformationEnvelope envelope = envelopes.get(i);
            InformationRecord record = matched.get(i);
            if (record == null) {
                outcomes.add(new Outcome(null, conflicts.get(i)));
                continue;
            }
            // The first envelope that created a record publishes it; repeats answer with it.
            boolean created = fresh.remove(record);
            if (created) {
                published.add(record);
            }
            outcomes.add(new Outcome(new IngestionReceipt(InformationView.of(record, envelope), created), null));
        }
        publisher.publishAll(published);
        return outcomes;
    }

    private Map<String, InformationRecord> storedRecords(List<InformationEnvelope> envelopes) {
        Map<String, InformationRecord> stored = new HashMap<>();
        Map<String, List<String>> idsByProducer = new HashMap<>();
        envelopes.forEach(envelope -> idsByProducer.computeIfAbsent(envelope.producer(), p -> new ArrayList<>())
                .add(envelope.id()));
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

    private BatchReceipt.ItemOutcome refuse(int index, String item, String reason, List<Violation> violations,
            RejectionPolicy policy) {
        if (policy == RejectionPolicy.PARK) {
            reject(item, "batch item " + index + ": " + reason, violations);
        }
        return BatchReceipt.ItemOutcome.rejected(index, reason, violations);
    }
}
