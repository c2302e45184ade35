package org.hutong.information.domain.state;

/** The kinds of stateful record; the name is what the history table stores. */
public enum RecordKind {
    ASSET(AssetRecord.class),
    VULNERABILITY(VulnerabilityRecord.class),
    INCIDENT(IncidentRecord.class);

    private final Class<? extends StatefulRecord> entity;

    RecordKind(Class<? extends StatefulRecord> entity) {
        this.entity = entity;
    }

    /** The entity that keeps records of this kind. */
    public Class<? extends StatefulRecord> entity() {
        return entity;
    }
}
