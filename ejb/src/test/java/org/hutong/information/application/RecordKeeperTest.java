package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InformationRecord;
import org.hutong.shared.domain.InformationType;
import org.hutong.information.domain.state.AssetRecord;
import org.hutong.information.domain.state.IllegalTransitionException;
import org.hutong.information.domain.state.IncidentRecord;
import org.hutong.information.domain.state.IncidentStatus;
import org.hutong.information.domain.state.RecordChange;
import org.hutong.information.domain.state.RecordKind;
import org.hutong.information.domain.state.VulnerabilityRecord;
import org.junit.jupiter.api.Test;

class RecordKeeperTest {

    private static final Instant T1 = Instant.parse("2026-11-29T01:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-29T02:00:00Z");

    private final InMemoryRecords records = new InMemoryRecords();
    private final List<AuditEntry> audited = new ArrayList<>();
    private final RecordKeeper keeper = new RecordKeeper(records, audited::add);

    @Test
    void mergesAnAssetSeenAgainByItsAssetId() {
        observe("cmdb", InformationType.ASSET, """
                {"assetId":"A-1","name":"db-01","kind":"server","location":{"site":"Beijing DC"}}""", T1);
        observe("scanner", InformationType.ASSET, """
                {"assetId":"A-1","name":"db-01.prod","kind":"server","importance":5}""", T2);

        AssetRecord asset = records.of(AssetRecord.class).get(0);
        assertThat(records.of(AssetRecord.class)).hasSize(1);
        assertThat(asset.name()).isEqualTo("db-01.prod");
        // Members the second report left out keep their value.
        assertThat(asset.state().getJsonObject("location").getString("site")).isEqualTo("Beijing DC");
        assertThat(asset.state().getInt("importance")).isEqualTo(5);
        assertThat(asset.firstSeen()).isEqualTo(T1);
        assertThat(asset.lastSeen()).isEqualTo(T2);
        assertThat(records.history(RecordKind.ASSET, asset.recordId())).extracting(RecordChange::actor)
                .containsExactly("cmdb", "scanner");
    }

    @Test
    void recognisesAnAssetByIpTogetherWithMacWhateverTheSpelling() {
        observe("cmdb", InformationType.ASSET, """
                {"assetId":"A-1","kind":"server","network":{"ips":["2001:db8::3"],"macs":["00:1A:2B:3C:4D:5E"]}}""", T1);
        observe("scanner", InformationType.ASSET, """
                {"kind":"server","network":{"ips":["2001:0db8:0:0::3"],"macs":["00-1a-2b-3c-4d-5e"]},"name":"seen"}""", T2);

        assertThat(records.of(AssetRecord.class)).singleElement().satisfies(asset -> {
            assertThat(asset.assetId()).isEqualTo("A-1");
            assertThat(asset.name()).isEqualTo("seen");
        });
    }

    @Test
    void anAddressAloneIdentifiesNoAsset() {
        observe("scanner", InformationType.ASSET, """
                {"kind":"server","network":{"ips":["10.0.0.1"]}}""", T1);
        observe("scanner", InformationType.ASSET, """
                {"kind":"server","network":{"ips":["10.0.0.1"]}}""", T2);

        assertThat(records.of(AssetRecord.class)).hasSize(2);
    }

    @Test
    void mergesAVulnerabilityKnownByAnyOfItsIdentifiersAndAccumulatesAssets() {
        observe("scanner-a", InformationType.VULNERABILITY, """
                {"ids":["CVE-2024-6387"],"name":"regreSSHion","grade":"high","affectedAssets":["A-1"]}""", T1);
        observe("scanner-b", InformationType.VULNERABILITY, """
                {"ids":["CNVD-2024-28491","CVE-2024-6387"],"name":"OpenSSH race","grade":"critical","affectedAssets":["A-2"]}""", T2);

        assertThat(records.of(VulnerabilityRecord.class)).singleElement().satisfies(vulnerability -> {
            assertThat(vulnerability.primaryId()).isEqualTo("CVE-2024-6387");
            assertThat(vulnerability.identifiers()).containsExactlyInAnyOrder("CVE-2024-6387", "CNVD-2024-28491");
            assertThat(vulnerability.assets()).containsExactlyInAnyOrder("A-1", "A-2");
            assertThat(vulnerability.grade()).isEqualTo("critical");
            assertThat(vulnerability.state().getJsonArray("affectedAssets")).hasSize(2);
        });
    }

    @Test
    void followsTheIncidentLifecycleAndKeepsEveryStatusChange() {
        observe("soc", InformationType.INCIDENT, incident("INC-7", "new"), T1);
        observe("soc", InformationType.INCIDENT, incident("INC-7", "investigating"), T2);
        IncidentRecord incident = records.of(IncidentRecord.class).get(0);

        assertThatThrownBy(() -> observe("soc", InformationType.INCIDENT, incident("INC-7", "closed"), T2))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot go from 'investigating' to 'closed'");
        assertThat(incident.currentStatus()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(incident.state().getString("status")).isEqualTo("investigating");

        observe("soc", InformationType.INCIDENT, incident("INC-7", "contained"), T2);
        observe("soc", InformationType.INCIDENT, incident("INC-7", "resolved"), T2);
        observe("soc", InformationType.INCIDENT, incident("INC-7", "investigating"), T2);

        assertThat(records.of(IncidentRecord.class)).hasSize(1);
        assertThat(records.history(RecordKind.INCIDENT, incident.recordId()))
                .extracting(change -> change.statusFrom().orElse("-") + ">" + change.statusTo().orElse("-"))
                .containsExactly("->new", "new>investigating", "investigating>contained", "contained>resolved",
                        "resolved>investigating");
        // Every status change is audited as the producer's transition; the refused one is not.
        assertThat(audited).extracting(AuditEntry::action).containsOnly("incident.transition");
        assertThat(audited).extracting(AuditEntry::actor).containsOnly("soc");
        assertThat(audited).extracting(entry -> entry.detail().substring(0, entry.detail().indexOf(" (")))
                .containsExactly("new -> investigating", "investigating -> contained", "contained -> resolved",
                        "resolved -> investigating");
    }

    @Test
    void incidentsOfDifferentProducersOrWithoutAnIdAreSeparate() {
        observe("soc", InformationType.INCIDENT, incident("INC-7", "new"), T1);
        observe("edr", InformationType.INCIDENT, incident("INC-7", "contained"), T1);
        observe("edr", InformationType.INCIDENT, incident(null, "new"), T1);
        observe("edr", InformationType.INCIDENT, incident(null, "new"), T1);

        assertThat(records.of(IncidentRecord.class)).hasSize(4);
    }

    @Test
    void appendOnlyTypesLeaveNoState() {
        observe("ids", InformationType.ALERT, """
                {"name":"port scan","severity":2,"category":"network-attack/scan"}""", T1);

        assertThat(records.records).isEmpty();
        assertThat(records.changes).isEmpty();
    }

    private static String incident(String incidentId, String status) {
        return """
                {%s"title":"Ransomware","category":"malware","grade":"II","status":"%s"}"""
                .formatted(incidentId == null ? "" : "\"incidentId\":\"" + incidentId + "\",", status);
    }

    private void observe(String producer, InformationType type, String body, Instant at) {
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        InformationEnvelope envelope = new InformationEnvelope(UUID.randomUUID().toString(), type, "1.0", producer, at,
                json, Optional.empty());
        keeper.observe(InformationRecord.receive(envelope, at), envelope, at);
    }
}
