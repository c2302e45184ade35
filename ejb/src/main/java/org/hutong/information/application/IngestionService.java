package org.hutong.information.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;
import org.hutong.information.domain.Violation;

/** Ingestion of information: one transaction stores the record and publishes it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class IngestionService implements InformationIngestion {

    private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());

    private final EnvelopeParser parser = new EnvelopeParser();

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

    IngestionService(InformationRepository repository, InformationPublisher publisher,
            RejectedInformation rejected, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.rejected = rejected;
        this.clock = clock;
    }

    @Override
    public IngestionReceipt ingest(String envelopeJson) {
        InformationEnvelope envelope = parser.parse(envelopeJson);
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

    @Override
    public void reject(String payload, String reason, List<Violation> violations) {
        LOG.log(Level.WARNING, "Rejected information message: {0}", reason);
        rejected.park(payload, reason, violations);
    }
}
