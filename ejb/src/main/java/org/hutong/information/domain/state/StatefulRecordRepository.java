package org.hutong.information.domain.state;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stateful records and their history. */
public interface StatefulRecordRepository {

    /** The assets that hold any of these identity keys (normally one; several when keys were split). */
    List<AssetRecord> findAssetsByIdentity(Collection<String> identityKeys);

    /** The assets that have any of these addresses ({@link AssetIdentity#ipKey}, {@link AssetIdentity#macKey}). */
    List<AssetRecord> findAssetsByAddress(Collection<String> addressKeys);

    /** The vulnerabilities known by any of these identifiers. */
    List<VulnerabilityRecord> findVulnerabilitiesByIdentifier(Collection<String> identifiers);

    Optional<IncidentRecord> findIncidentByIdentity(String identityKey);

    /** Stores a new record; its number is assigned when the transaction flushes. */
    void add(StatefulRecord record);

    void append(RecordChange change);

    <T extends StatefulRecord> Optional<T> findByRecordId(Class<T> type, String recordId);

    /** One page in record-number order. */
    List<? extends StatefulRecord> find(RecordCriteria criteria);

    /** The record's history, oldest first. */
    List<RecordChange> history(RecordKind kind, String recordId);
}
