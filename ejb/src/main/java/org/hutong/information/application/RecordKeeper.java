package org.hutong.information.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.state.AssetIdentity;
import org.hutong.information.domain.state.AssetRecord;
import org.hutong.information.domain.state.IllegalTransitionException;
import org.hutong.information.domain.state.IncidentRecord;
import org.hutong.information.domain.state.IncidentStatus;
import org.hutong.information.domain.state.RecordChange;
import org.hutong.information.domain.state.StatefulRecord;
import org.hutong.information.domain.state.StatefulRecordRepository;
import org.hutong.information.domain.state.VulnerabilityRecord;

/**
 * Keeps the stateful records (assets, vulnerabilities, incidents) up to date with the
 * information the hub accepts, in the ingestion's transaction: a new record, or a merge into the
 * record the information identifies, and an entry in its history either way.
 */
@ApplicationScoped
public class RecordKeeper {

    private static final Logger LOG = Logger.getLogger(RecordKeeper.class.getName());

    @Inject
    StatefulRecordRepository repository;

    @Inject
    AuditTrail trail;

    private Consumer<AuditEntry> audit;

    public RecordKeeper() {
        // for CDI
    }

    RecordKeeper(StatefulRecordRepository repository, Consumer<AuditEntry> audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @PostConstruct
    void auditToTheTrail() {
        audit = trail::record;
    }

    /**
     * Takes in newly received information. Append-only types leave no state.
     *
     * @throws IllegalTransitionException if it would move an incident against its lifecycle; then nothing changed
     */
    public void observe(InformationRecord information, InformationEnvelope envelope, Instant now) {
        switch (envelope.type()) {
            case ASSET -> observeAsset(information, envelope, now);
            case VULNERABILITY -> observeVulnerability(information, envelope, now);
            case INCIDENT -> observeIncident(information, envelope, now);
            default -> {
                // behaviour, alert and threat information is append-only
            }
        }
    }

    private void observeAsset(InformationRecord information, InformationEnvelope envelope, Instant now) {
        JsonObject body = envelope.body();
        Set<String> keys = AssetIdentity.keysOf(body);
        List<AssetRecord> matches = keys.isEmpty() ? List.of() : repository.findAssetsByIdentity(keys);
        if (matches.isEmpty()) {
            AssetRecord asset = AssetRecord.first(body, now);
            repository.add(asset);
            changed(asset, information, envelope, now, null, null);
            return;
        }
        AssetRecord asset = oldest(matches);
        Set<String> heldElsewhere = new HashSet<>();
        matches.stream().filter(other -> other != asset).forEach(other -> heldElsewhere.addAll(other.identities()));
        if (!heldElsewhere.isEmpty()) {
            LOG.log(Level.WARNING, "Asset information {0} of {1} identifies {2} assets; merged into {3}",
                    new Object[] {envelope.id(), envelope.producer(), matches.size(), asset.recordId()});
        }
        asset.observe(body, now, heldElsewhere);
        changed(asset, information, envelope, now, null, null);
    }

    private void observeVulnerability(InformationRecord information, InformationEnvelope envelope, Instant now) {
        JsonObject body = envelope.body();
        List<VulnerabilityRecord> matches = repository.findVulnerabilitiesByIdentifier(
                VulnerabilityRecord.identifiersOf(body));
        if (matches.isEmpty()) {
            VulnerabilityRecord vulnerability = VulnerabilityRecord.first(body, now);
            repository.add(vulnerability);
            changed(vulnerability, information, envelope, now, null, null);
            return;
        }
        VulnerabilityRecord vulnerability = oldest(matches);
        Set<String> heldElsewhere = new HashSet<>();
        matches.stream().filter(other -> other != vulnerability)
                .forEach(other -> heldElsewhere.addAll(other.identifiers()));
        vulnerability.observe(body, now, heldElsewhere);
        changed(vulnerability, information, envelope, now, null, null);
    }

    private void observeIncident(InformationRecord information, InformationEnvelope envelope, Instant now) {
        JsonObject body = envelope.body();
        IncidentRecord incident = IncidentRecord.identityKey(envelope.producer(), body)
                .flatMap(repository::findIncidentByIdentity).orElse(null);
        if (incident == null) {
            incident = IncidentRecord.first(envelope.producer(), body, now);
            repository.add(incident);
            changed(incident, information, envelope, now, null, incident.currentStatus().code());
            return;
        }
        IncidentStatus before = incident.currentStatus();
        IncidentStatus after = incident.checkUpdate(body);
        incident.observe(body, now);
        changed(incident, information, envelope, now, before == after ? null : before.code(),
                before == after ? null : after.code());
        if (before != after) {
            // Audited like a transition made through the API, whatever channel carried the envelope.
            audit.accept(AuditEntry.success(envelope.producer(), "incident.transition", incident.recordId(),
                    before.code() + " -> " + after.code() + " (information " + information.hubId() + ")"));
        }
    }

    private void changed(StatefulRecord record, InformationRecord information, InformationEnvelope envelope, Instant now,
            String statusFrom, String statusTo) {
        repository.append(RecordChange.observed(record, now, envelope.producer(), information.hubId(), statusFrom, statusTo));
    }

    /** The record first stored: merges go to the longest-known record when information spans several. */
    private static <T extends StatefulRecord> T oldest(List<T> records) {
        return records.stream().min(Comparator.comparing(record -> record.number().orElse(Long.MAX_VALUE))).orElseThrow();
    }
}
