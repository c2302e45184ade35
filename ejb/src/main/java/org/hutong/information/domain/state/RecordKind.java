package org.hutong.information.domain.state;

/** The kinds of stateful record; the name is what the history table stores. */
public enum RecordKind {
    ASSET,
    VULNERABILITY,
    INCIDENT
}
