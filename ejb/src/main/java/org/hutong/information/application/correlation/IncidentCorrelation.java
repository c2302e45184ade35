package org.hutong.information.application.correlation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.domain.correlation.CorrelatedAlert;
import org.hutong.information.domain.correlation.CorrelationGroup;
import org.hutong.information.domain.correlation.IncidentDraft;
import org.hutong.information.domain.state.AssetIdentity;
import org.hutong.information.domain.state.AssetRecord;
import org.hutong.information.domain.state.IncidentRecord;
import org.hutong.information.domain.state.IncidentStatus;
import org.hutong.information.domain.state.RecordChange;
import org.hutong.information.domain.state.StatefulRecordRepository;
import org.hutong.shared.domain.InformationType;

/**
 * Joins an alert to the incident of its rule and key, or opens one, in the caller's transaction (the
 * rule engine's step): the incident record, the group, the link, a history entry naming the alert, and
 * the incident published on {@code hutong.information.incident} as information the hub reports.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IncidentCorrelation {

    private static final Logger LOG = Logger.getLogger(IncidentCorrelation.class.getName());

    @Inject
    CorrelationStore store;

    @Inject
    StatefulRecordRepository records;

    @EJB
    InformationIngestion ingestion;

    /**
     * @param ruleId the correlating rule, whose alerts of one {@code key} form incidents
     * @param actor who correlates, for the history (the rule and its version)
     * @param alert the alert as the API serves it (envelope members and {@code hub})
     * @param window how long after the last joined alert the next one still joins
     */
    public Correlated correlate(String ruleId, String ruleName, String actor, String filledKey, Duration window,
            JsonObject alert, Instant receivedAt) {
        // Keys come from what products wrote: long ones are kept as their digest, so no alert can
        // overflow a column and stop the rule engine.
        String key = CorrelationKeys.bounded(filledKey);
        CorrelatedAlert facts = facts(alert, receivedAt);
        Optional<CorrelationGroup> group = store.find(ruleId, key).filter(open -> open.stillOpenAt(receivedAt, window));
        Optional<IncidentRecord> incident = group
                .flatMap(open -> records.findByRecordId(IncidentRecord.class, open.incidentRecordId()))
                .filter(IncidentCorrelation::stillActive);
        Correlated correlated;
        if (incident.isPresent()) {
            IncidentRecord joined = incident.get();
            joined.restate(IncidentDraft.joined(joined.state(), ruleName, group.get(), facts), receivedAt);
            store.save(group.get().joined(facts, receivedAt));
            records.append(RecordChange.observed(joined, receivedAt, actor, facts.hubId(), null, null));
            correlated = new Correlated(joined.recordId(), false, publish(joined, "joined"));
        } else {
            IncidentRecord opened = IncidentRecord.correlated(IncidentDraft.opened(ruleName, key, facts), receivedAt);
            records.add(opened);
            store.save(CorrelationGroup.opened(ruleId, key, opened.recordId(), facts, receivedAt));
            records.append(RecordChange.observed(opened, receivedAt, actor, facts.hubId(), null,
                    IncidentStatus.NEW.code()));
            correlated = new Correlated(opened.recordId(), true, publish(opened, "opened"));
            LOG.log(Level.INFO, "Rule {0} opened incident {1} (grade {2}) for the key {3}",
                    new Object[] {ruleId, opened.recordId(), opened.grade(), key});
        }
        store.link(new CorrelationStore.Link(correlated.incidentId(), facts.hubId(), receivedAt, ruleId));
        return correlated;
    }

    /** A resolved or closed incident takes no more alerts: the next alert of its key opens a new one. */
    private static boolean stillActive(IncidentRecord incident) {
        IncidentStatus status = incident.currentStatus();
        return status != IncidentStatus.RESOLVED && status != IncidentStatus.CLOSED;
    }

    private String publish(IncidentRecord incident, String change) {
        return ingestion.publishOwn(InformationType.INCIDENT, IncidentPublication.of(incident, change));
    }

    private CorrelatedAlert facts(JsonObject alert, Instant receivedAt) {
        JsonObject body = alert.getJsonObject("body");
        return new CorrelatedAlert(alert.getJsonObject("hub").getString("id"), body.getString("name"),
                body.getString("category"), body.getInt("severity"),
                CorrelationKeys.plausible(Instant.parse(alert.getString("time")), receivedAt),
                affectedAssets(body.getJsonObject("destination")));
    }

    /** The assets behind an alert's destination: as the hub knows them, or the reference the producer gave. */
    private List<CorrelatedAlert.AffectedAsset> affectedAssets(JsonObject destination) {
        if (destination == null) {
            return List.of();
        }
        Map<String, CorrelatedAlert.AffectedAsset> found = new LinkedHashMap<>();
        List<AssetRecord> known = new ArrayList<>();
        String ref = destination.getString("assetRef", null);
        if (ref != null) {
            known.addAll(records.findAssetsByIdentity(List.of(AssetIdentity.assetIdKey(ref))));
        }
        String ip = destination.getString("ip", null);
        if (ip != null) {
            known.addAll(records.findAssetsByAddress(List.of(AssetIdentity.ipKey(ip))));
        }
        for (AssetRecord asset : known) {
            String assetRef = asset.assetId() == null ? asset.recordId() : asset.assetId();
            found.putIfAbsent(assetRef, new CorrelatedAlert.AffectedAsset(assetRef, importance(asset.state())));
        }
        if (found.isEmpty() && ref != null) {
            found.put(ref, new CorrelatedAlert.AffectedAsset(ref, 0));
        }
        return List.copyOf(found.values());
    }

    private static int importance(JsonObject asset) {
        return asset.get("importance") instanceof JsonNumber number ? number.intValue() : 0;
    }
}
