-- V5: the tamper-evident audit trail, Derby dialect. Keep in step with ../postgresql/V5.sql.
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
