package org.hutong.information.application.correlation;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import org.hutong.information.domain.state.IncidentRecord;

/**
 * The body the hub publishes for an incident it keeps: its state, with {@code incidentId} the hub's
 * record id, so that every publication of one incident (opened, joined, moved on) carries one id.
 */
public final class IncidentPublication {

    private IncidentPublication() {
    }

    public static JsonObject of(IncidentRecord incident) {
        return JSON.createObjectBuilder(incident.state()).add("incidentId", incident.recordId()).build();
    }
}
