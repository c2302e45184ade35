-- V3: stateful records (assets, vulnerabilities, incidents) and their history, Derby dialect.
-- Keep in step with ../postgresql/V3.sql: only the types of large text and identity syntax differ.
CREATE TABLE asset_record (
    record_no   BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1, INCREMENT BY 1) NOT NULL,
    record_id   CHAR(36)     NOT NULL,
    asset_id    VARCHAR(128),
    name        VARCHAR(512),
    kind        VARCHAR(64)  NOT NULL,
    state_json  CLOB         NOT NULL,
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
    record_no   BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1, INCREMENT BY 1) NOT NULL,
    record_id   CHAR(36)     NOT NULL,
    primary_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(512) NOT NULL,
    grade       VARCHAR(16)  NOT NULL,
    status      VARCHAR(32),
    state_json  CLOB         NOT NULL,
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
    record_no    BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1, INCREMENT BY 1) NOT NULL,
    record_id    CHAR(36)     NOT NULL,
    identity_key VARCHAR(300),
    title        VARCHAR(512) NOT NULL,
    category     VARCHAR(100) NOT NULL,
    sub_category VARCHAR(200),
    grade        VARCHAR(4)   NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    state_json   CLOB         NOT NULL,
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
    change_no      BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1, INCREMENT BY 1) NOT NULL,
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
