package org.hutong.information.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.information.application.correlation.CorrelationStore;
import org.hutong.information.application.correlation.IncidentPublication;
import org.hutong.shared.domain.InformationType;
import org.hutong.information.domain.state.IncidentRecord;
import org.hutong.information.domain.state.IncidentStatus;
import org.hutong.information.domain.state.RecordChange;
import org.hutong.information.domain.state.RecordCriteria;
import org.hutong.information.domain.state.RecordKind;
import org.hutong.information.domain.state.StatefulRecord;
import org.hutong.information.domain.state.StatefulRecordRepository;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StatefulRecordService implements StatefulRecords {

    private static final Logger LOG = Logger.getLogger(StatefulRecordService.class.getName());
    @Resource
    SessionContext session;

    @Inject
    StatefulRecordRepository repository;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @EJB
    InformationIngestion ingestion;

    @Inject
    CorrelationStore links;

    @Override
    public RecordPage find(RecordCriteria criteria) {
        List<? extends StatefulRecord> records = repository.find(criteria);
        List<RecordView> items = records.stream().map(record -> RecordView.of(record, null)).toList();
        long last = records.isEmpty() ? 0 : records.get(records.size() - 1).number().orElseThrow();
        return new RecordPage(items, last);
    }

    @Override
    public Optional<RecordView> byId(RecordKind kind, String recordId) {
        return repository.findByRecordId(kind.entity(), recordId)
                .map(record -> RecordView.of(record, repository.history(kind, recordId)));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<RecordView> changeIncidentStatus(String recordId, IncidentStatus status, String comment) {
        // Who changes it is who authenticated, never a parameter.
        String actor = session.getCallerPrincipal().getName();
        Optional<IncidentRecord> found = repository.findByRecordId(IncidentRecord.class, recordId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IncidentRecord incident = found.get();
        IncidentStatus before = incident.currentStatus();
        if (before == status) {
            // Asking again for the status it has (a retried request) changes nothing.
            return byId(RecordKind.INCIDENT, recordId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        incident.changeStatus(status, now);
        repository.append(RecordChange.changedBy(incident, now, actor, before.code(), status.code(), comment));
        // Subscribers learn of every change of an incident, not only of those a product reported.
        String published = ingestion.publishOwn(InformationType.INCIDENT, IncidentPublication.of(incident, "status"));
        audit.record(AuditEntry.success(actor, "incident.transition", recordId, before.code() + " -> " + status.code()
                + " (published as " + published + ")"));
        LOG.log(Level.INFO, "Incident {0} moved from {1} to {2} by {3}",
                new Object[] {recordId, before.code(), status.code(), actor});
        return byId(RecordKind.INCIDENT, recordId);
    }

    // The links are read over the transaction's JDBC connection: there is none without a transaction.
    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<CorrelationStore.Link> alertsOf(String incidentId, int limit) {
        return links.alertsOf(incidentId, limit);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<CorrelationStore.Link> incidentsOf(String alertHubId) {
        return links.incidentsOf(alertHubId);
    }
}
