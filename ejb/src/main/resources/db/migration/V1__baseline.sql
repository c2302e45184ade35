-- Hutong's schema, PostgreSQL 13 or later (and PostgreSQL-derived systems such as KingbaseES and
-- openGauss in PostgreSQL mode). Applied by Flyway at start-up; never edit a script once released:
-- add V<n+1>__<what>.sql instead (Flyway refuses to start on a changed checksum).
-- This baseline squashes the pre-Flyway scripts V1..V7 (no deployment depended on their history).

-- Received information: append-only, numbered in receive order.
CREATE TABLE information_item (
    sequence_no   BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    hub_id        CHAR(36)     NOT NULL,
    producer      VARCHAR(128) NOT NULL,
    envelope_id   VARCHAR(128) NOT NULL,
    info_type     VARCHAR(16)  NOT NULL,
    spec_version  VARCHAR(16)  NOT NULL,
    produced_at   TIMESTAMP    NOT NULL,
    received_at   TIMESTAMP    NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    body_json     TEXT         NOT NULL,
    signature     VARCHAR(8192),
    severity      SMALLINT,
    category      VARCHAR(200),
    CONSTRAINT pk_information_item PRIMARY KEY (sequence_no),
    CONSTRAINT uq_information_hub_id UNIQUE (hub_id),
    CONSTRAINT uq_information_producer_id UNIQUE (producer, envelope_id)
);
CREATE INDEX ix_information_type_seq ON information_item (info_type, sequence_no);
CREATE INDEX ix_information_producer_seq ON information_item (producer, sequence_no);
CREATE INDEX ix_information_severity_seq ON information_item (severity, sequence_no);
CREATE INDEX ix_information_category_seq ON information_item (category, sequence_no);
CREATE INDEX ix_information_received_seq ON information_item (received_at, sequence_no);

-- Stateful records (assets, vulnerabilities, incidents) and their history.
CREATE TABLE asset_record (
    record_no   BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    record_id   CHAR(36)     NOT NULL,
    asset_id    VARCHAR(128),
    name        VARCHAR(512),
    kind        VARCHAR(64)  NOT NULL,
    state_json  TEXT         NOT NULL,
    first_seen  TIMESTAMP    NOT NULL,
    last_seen   TIMESTAMP    NOT NULL,
    version     INTEGER      NOT NULL,
    CONSTRAINT pk_asset_record PRIMARY KEY (record_no),
    CONSTRAINT uq_asset_record_id UNIQUE (record_id)
);
CREATE INDEX ix_asset_kind ON asset_record (kind, record_no);
-- An identity key (asset id, or IP with MAC) belongs to one asset: two servers taking in the
-- same new asset at once cannot make two records of it.
CREATE TABLE asset_identity (
    record_no    BIGINT       NOT NULL,
    identity_key VARCHAR(300) NOT NULL,
    CONSTRAINT pk_asset_identity PRIMARY KEY (identity_key),
    CONSTRAINT fk_asset_identity_record FOREIGN KEY (record_no) REFERENCES asset_record (record_no)
);
CREATE TABLE asset_address (
    record_no BIGINT       NOT NULL,
    address   VARCHAR(200) NOT NULL,
    CONSTRAINT pk_asset_address PRIMARY KEY (record_no, address),
    CONSTRAINT fk_asset_address_record FOREIGN KEY (record_no) REFERENCES asset_record (record_no)
);
CREATE INDEX ix_asset_address ON asset_address (address, record_no);

CREATE TABLE vulnerability_record (
    record_no   BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    record_id   CHAR(36)     NOT NULL,
    primary_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(512) NOT NULL,
    grade       VARCHAR(16)  NOT NULL,
    status      VARCHAR(32),
    state_json  TEXT         NOT NULL,
    first_seen  TIMESTAMP    NOT NULL,
    last_seen   TIMESTAMP    NOT NULL,
    version     INTEGER      NOT NULL,
    CONSTRAINT pk_vulnerability_record PRIMARY KEY (record_no),
    CONSTRAINT uq_vulnerability_record_id UNIQUE (record_id)
);
CREATE INDEX ix_vulnerability_grade ON vulnerability_record (grade, record_no);
CREATE TABLE vulnerability_identity (
    record_no  BIGINT      NOT NULL,
    identifier VARCHAR(64) NOT NULL,
    CONSTRAINT pk_vulnerability_identity PRIMARY KEY (identifier),
    CONSTRAINT fk_vulnerability_identity_record FOREIGN KEY (record_no) REFERENCES vulnerability_record (record_no)
);
CREATE TABLE vulnerability_asset (
    record_no BIGINT       NOT NULL,
    asset_ref VARCHAR(128) NOT NULL,
    CONSTRAINT pk_vulnerability_asset PRIMARY KEY (record_no, asset_ref),
    CONSTRAINT fk_vulnerability_asset_record FOREIGN KEY (record_no) REFERENCES vulnerability_record (record_no)
);
CREATE INDEX ix_vulnerability_asset ON vulnerability_asset (asset_ref, record_no);

CREATE TABLE incident_record (
    record_no    BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    record_id    CHAR(36)     NOT NULL,
    identity_key VARCHAR(300),
    title        VARCHAR(512) NOT NULL,
    category     VARCHAR(100) NOT NULL,
    sub_category VARCHAR(200),
    grade        VARCHAR(4)   NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    state_json   TEXT         NOT NULL,
    first_seen   TIMESTAMP    NOT NULL,
    last_seen    TIMESTAMP    NOT NULL,
    version      INTEGER      NOT NULL,
    CONSTRAINT pk_incident_record PRIMARY KEY (record_no),
    CONSTRAINT uq_incident_record_id UNIQUE (record_id),
    CONSTRAINT uq_incident_identity UNIQUE (identity_key)
);
CREATE INDEX ix_incident_status ON incident_record (status, record_no);
CREATE INDEX ix_incident_category ON incident_record (category, record_no);
CREATE INDEX ix_incident_grade ON incident_record (grade, record_no);

CREATE TABLE record_change (
    change_no      BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    record_kind    VARCHAR(16)   NOT NULL,
    record_id      CHAR(36)      NOT NULL,
    changed_at     TIMESTAMP     NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    information_id CHAR(36),
    status_from    VARCHAR(32),
    status_to      VARCHAR(32),
    comment_text   VARCHAR(2000),
    CONSTRAINT pk_record_change PRIMARY KEY (change_no)
);
CREATE INDEX ix_record_change_record ON record_change (record_kind, record_id, change_no);

-- Product registry and function invocations.
CREATE TABLE product (
    product_id      VARCHAR(64)   NOT NULL,
    vendor          VARCHAR(256)  NOT NULL,
    name            VARCHAR(256)  NOT NULL,
    product_version VARCHAR(64)   NOT NULL,
    category        VARCHAR(100)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    command_channel VARCHAR(8)    NOT NULL,
    callback_url    VARCHAR(2048),
    publishes       VARCHAR(128),
    subscribes      VARCHAR(128),
    registered_at   TIMESTAMP     NOT NULL,
    last_seen_at    TIMESTAMP     NOT NULL,
    -- Signature policy: the public key its envelopes are signed with, and whether unsigned ones are refused.
    signing_algorithm   VARCHAR(8),
    signing_key         VARCHAR(8192),
    signatures_required BOOLEAN     DEFAULT FALSE NOT NULL,
    -- Requests per second the product may make over HTTP; NULL: the server's default.
    rate_limit      INTEGER,
    version         INTEGER       NOT NULL,
    CONSTRAINT pk_product PRIMARY KEY (product_id)
);
CREATE INDEX ix_product_category ON product (category, product_id);
CREATE INDEX ix_product_status ON product (status, product_id);
CREATE TABLE product_function (
    product_id  VARCHAR(64) NOT NULL,
    function_id VARCHAR(64) NOT NULL,
    CONSTRAINT pk_product_function PRIMARY KEY (product_id, function_id),
    CONSTRAINT fk_product_function_product FOREIGN KEY (product_id) REFERENCES product (product_id)
);
CREATE INDEX ix_product_function ON product_function (function_id, product_id);

CREATE TABLE invocation (
    invocation_no  BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    invocation_id  CHAR(36)      NOT NULL,
    function_id    VARCHAR(64)   NOT NULL,
    target         VARCHAR(64)   NOT NULL,
    arguments_json TEXT          NOT NULL,
    requested_by   VARCHAR(128)  NOT NULL,
    callback_url   VARCHAR(2048),
    created_at     TIMESTAMP     NOT NULL,
    deadline       TIMESTAMP     NOT NULL,
    status         VARCHAR(24)   NOT NULL,
    completed_at   TIMESTAMP,
    callback_state VARCHAR(16)   NOT NULL,
    callback_attempts INTEGER    NOT NULL,
    callback_due_at TIMESTAMP,
    version        INTEGER       NOT NULL,
    CONSTRAINT pk_invocation PRIMARY KEY (invocation_no),
    CONSTRAINT uq_invocation_id UNIQUE (invocation_id)
);
CREATE INDEX ix_invocation_function ON invocation (function_id, invocation_no);
CREATE INDEX ix_invocation_status ON invocation (status, invocation_no);
-- The delivery sweep looks for callbacks that are due.
CREATE INDEX ix_invocation_callback ON invocation (callback_state, callback_due_at);
CREATE TABLE invocation_target (
    target_no     BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    invocation_no BIGINT        NOT NULL,
    product_id    VARCHAR(64)   NOT NULL,
    request_id    CHAR(36)      NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    deadline      TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    result_json   TEXT,
    error_text    VARCHAR(2000),
    attempts      INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP,
    version       INTEGER       NOT NULL,
    CONSTRAINT pk_invocation_target PRIMARY KEY (target_no),
    CONSTRAINT uq_invocation_target_request UNIQUE (request_id),
    CONSTRAINT fk_invocation_target_invocation FOREIGN KEY (invocation_no) REFERENCES invocation (invocation_no)
);
-- The time-out sweep looks for open targets past their deadline.
CREATE INDEX ix_invocation_target_open ON invocation_target (status, deadline);
CREATE INDEX ix_invocation_target_delivery ON invocation_target (status, next_attempt_at);
CREATE TABLE invocation_event (
    event_no      BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) NOT NULL,
    invocation_no BIGINT,
    request_id    VARCHAR(64),
    product_id    VARCHAR(64),
    occurred_at   TIMESTAMP     NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    detail        VARCHAR(4000),
    CONSTRAINT pk_invocation_event PRIMARY KEY (event_no)
);
CREATE INDEX ix_invocation_event ON invocation_event (invocation_no, event_no);

-- Records are numbered without gaps by the chain itself (not by an identity column), so a deleted
-- row shows as a gap; each record's hash covers the previous record's hash.
CREATE TABLE audit_record (
    audit_no      BIGINT        NOT NULL,
    occurred_at   TIMESTAMP     NOT NULL,
    actor         VARCHAR(256)  NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    target        VARCHAR(256),
    outcome       VARCHAR(16)   NOT NULL,
    detail        VARCHAR(4000),
    algorithm     VARCHAR(16)   NOT NULL,
    previous_hash CHAR(64)      NOT NULL,
    record_hash   CHAR(64)      NOT NULL,
    CONSTRAINT pk_audit_record PRIMARY KEY (audit_no)
);
CREATE INDEX ix_audit_action ON audit_record (action, audit_no);
CREATE INDEX ix_audit_actor ON audit_record (actor, audit_no);
-- The end of the chain: one row, locked by every append so that records chain in order.
CREATE TABLE audit_head (
    head_id   INTEGER  NOT NULL,
    last_no   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    version   INTEGER  NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (head_id)
);
INSERT INTO audit_head (head_id, last_no, last_hash, version)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 1);
