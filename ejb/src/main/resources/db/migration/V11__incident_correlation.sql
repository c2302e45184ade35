-- Incident correlation (issue 14): a linkage rule with a "correlate" action groups the alerts it
-- matches by a key (a template over the alert) into incidents the hub reports itself. One row per
-- rule and key points at the incident alerts of that key currently join; a key whose last alert is
-- older than the rule's window, or whose incident was resolved or closed, opens a new incident.
CREATE TABLE incident_correlation (
    rule_id             VARCHAR(64)    NOT NULL,
    group_key           VARCHAR(1024)  NOT NULL,
    incident_record_id  CHAR(36)       NOT NULL,
    last_joined_at      TIMESTAMP      NOT NULL,
    alert_count         INTEGER        NOT NULL,
    max_severity        INTEGER        NOT NULL,
    max_importance      INTEGER        NOT NULL,
    CONSTRAINT pk_incident_correlation PRIMARY KEY (rule_id, group_key)
);

-- The links both ways between correlated alerts and their incidents.
CREATE TABLE incident_alert (
    incident_record_id  CHAR(36)     NOT NULL,
    alert_hub_id        CHAR(36)     NOT NULL,
    joined_at           TIMESTAMP    NOT NULL,
    rule_id             VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_incident_alert PRIMARY KEY (incident_record_id, alert_hub_id)
);

CREATE INDEX ix_incident_alert_alert ON incident_alert (alert_hub_id);
