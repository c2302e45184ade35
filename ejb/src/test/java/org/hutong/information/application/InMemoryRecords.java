package org.hutong.information.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.state.AssetRecord;
import org.hutong.information.domain.state.IncidentRecord;
import org.hutong.information.domain.state.RecordChange;
import org.hutong.information.domain.state.RecordCriteria;
import org.hutong.information.domain.state.RecordKind;
import org.hutong.information.domain.state.StatefulRecord;
import org.hutong.information.domain.state.StatefulRecordRepository;
import org.hutong.information.domain.state.VulnerabilityRecord;

/** Stateful records in a list, looked up the way the JPA repository's queries do. */
final class InMemoryRecords implements StatefulRecordRepository {

    final List<StatefulRecord> records = new ArrayList<>();
    final List<RecordChange> changes = new ArrayList<>();

    @Override
    public List<AssetRecord> findAssetsByIdentity(Collection<String> identityKeys) {
        return of(AssetRecord.class).stream()
                .filter(asset -> asset.identities().stream().anyMatch(identityKeys::contains)).toList();
    }

    @Override
    public List<AssetRecord> findAssetsByAddress(Collection<String> addressKeys) {
        return of(AssetRecord.class).stream()
                .filter(asset -> asset.addresses().stream().anyMatch(addressKeys::contains)).toList();
    }

    @Override
    public List<VulnerabilityRecord> findVulnerabilitiesByIdentifier(Collection<String> identifiers) {
        return of(VulnerabilityRecord.class).stream()
                .filter(vulnerability -> vulnerability.identifiers().stream().anyMatch(identifiers::contains)).toList();
    }

    @Override
    public Optional<IncidentRecord> findIncidentByIdentity(String identityKey) {
        return of(IncidentRecord.class).stream().filter(incident -> identityKey.equals(incident.identityKey()))
                .findFirst();
    }

    @Override
    public void add(StatefulRecord record) {
        records.add(record);
    }

    @Override
    public void append(RecordChange change) {
        changes.add(change);
    }

    @Override
    public <T extends StatefulRecord> Optional<T> findByRecordId(Class<T> type, String recordId) {
        return of(type).stream().filter(record -> record.recordId().equals(recordId)).findFirst();
    }

    @Override
    public List<? extends StatefulRecord> find(RecordCriteria criteria) {
        throw new UnsupportedOperationException("paging is the JPA repository's, tested against a database");
    }

    @Override
    public List<RecordChange> history(RecordKind kind, String recordId) {
        return changes.stream().filter(change -> change.kind() == kind && change.recordId().equals(recordId)).toList();
    }

    <T extends StatefulRecord> List<T> of(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
