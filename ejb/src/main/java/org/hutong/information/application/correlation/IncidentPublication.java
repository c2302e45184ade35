package org.hutong.information.application.correlation;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.hutong.information.domain.state.IncidentRecord;

/**
 * The body the hub publishes for an incident it keeps: its state, with {@code incidentId} the hub's
 * record id, so that every publication of one incident (opened, joined, moved on) carries one id, and
 * {@code extension.hutong} saying what changed ({@code opened}, {@code joined}, {@code status}) and whose
 * incident it is ({@code correlated} by the hub, or {@code reported} by the product named in
 * {@code reportedBy}): rules on the hub's incidents can tell its own findings from products' claims.
 */
public final class IncidentPublication {

    private IncidentPublication() {
    }

    public static JsonObject of(IncidentRecord incident, String change) {
        JsonObject state = incident.state();
        JsonObjectBuilder hutong = JSON.createObjectBuilder().add("change", change);
        if (incident.identityKey() == null) {
            hutong.add("origin", "correlated");
        } else {
            hutong.add("origin", "reported").add("reportedBy",
                    incident.identityKey().substring(0, incident.identityKey().indexOf('\n')));
        }
        JsonObjectBuilder extension = state.get("extension") instanceof JsonObject own
                ? JSON.createObjectBuilder(own) : JSON.createObjectBuilder();
        return JSON.createObjectBuilder(state).add("incidentId", incident.recordId())
                .add("extension", extension.add("hutong", hutong)).build();
    }
}
