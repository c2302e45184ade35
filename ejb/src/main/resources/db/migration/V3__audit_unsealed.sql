-- Audit entries are appended unchained by the transactions that decide what they record, so that
-- no business transaction waits for another's audit; one sealer (a PostgreSQL advisory lock makes
-- it one across servers) numbers them into audit_record and chains them a moment after they commit.
-- Each entry carries its own HMAC under the audit key, so an entry forged or edited in the database
-- before it is sealed is found by /audit/verify and recorded as tampering instead of being sealed.
CREATE TABLE audit_unsealed (
    entry_no    BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    entry_id    VARCHAR(36)   NOT NULL,
    occurred_at TIMESTAMP     NOT NULL,
    actor       VARCHAR(256)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(256),
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(4000),
    algorithm   VARCHAR(16)   NOT NULL,
    entry_hash  CHAR(64)      NOT NULL,
    CONSTRAINT pk_audit_unsealed PRIMARY KEY (entry_no),
    CONSTRAINT uq_audit_unsealed_entry UNIQUE (entry_id)
);
-- Which unsealed entry a record sealed (none for records sealed before this migration). Not part of
-- the record's hash: it only lets a reader tell that an entry and a record are the same event.
ALTER TABLE audit_record ADD COLUMN entry_id VARCHAR(36);
