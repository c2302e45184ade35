package org.hutong.information.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.hutong.information.application.correlation.CorrelationStore;
import org.hutong.information.domain.state.IncidentStatus;
import org.hutong.information.domain.state.RecordCriteria;
import org.hutong.information.domain.state.RecordKind;

/** Reading assets, vulnerabilities and incidents, and moving incidents through their lifecycle. */
@Local
public interface StatefulRecords {

    RecordPage find(RecordCriteria criteria);

    /** One record with its whole history. */
    Optional<RecordView> byId(RecordKind kind, String recordId);

    /**
     * Moves an incident to {@code status}, in the name of the authenticated caller.
     *
     * @return the incident after the change, with its history; empty if there is no such incident
     * @throws org.hutong.information.domain.state.IllegalTransitionException if the lifecycle does not allow it
     */
    Optional<RecordView> changeIncidentStatus(String recordId, IncidentStatus status, String comment);

    /** The alerts correlated into an incident, in the order they joined (at most {@code limit}). */
    List<CorrelationStore.Link> alertsOf(String incidentId, int limit);

    /** The incidents an alert was correlated into. */
    List<CorrelationStore.Link> incidentsOf(String alertHubId);
}
