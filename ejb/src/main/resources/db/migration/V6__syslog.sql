-- Syslog lines the hub could not read, map or store, kept byte for byte with why; queried by
-- administrators at /api/v1/syslog/dead-letters. Nothing that arrives is dropped silently.
CREATE TABLE syslog_dead_letter (
    letter_no    BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    received_at  TIMESTAMP     NOT NULL,
    transport    VARCHAR(8)    NOT NULL,
    peer         VARCHAR(128)  NOT NULL,
    product_id   VARCHAR(64)   NOT NULL,
    reason       TEXT          NOT NULL,
    violations   TEXT          NOT NULL,
    line         BYTEA         NOT NULL,
    CONSTRAINT pk_syslog_dead_letter PRIMARY KEY (letter_no),
    CONSTRAINT ck_syslog_dead_letter_transport CHECK (transport IN ('tls', 'tcp', 'udp'))
);
CREATE INDEX ix_syslog_dead_letter_product ON syslog_dead_letter (product_id, letter_no);

-- How a product's CEF and LEEF events become information (the document an administrator PUT).
CREATE TABLE syslog_mapping (
    product_id   VARCHAR(64)   NOT NULL,
    document     TEXT          NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    updated_by   VARCHAR(256)  NOT NULL,
    CONSTRAINT pk_syslog_mapping PRIMARY KEY (product_id),
    CONSTRAINT fk_syslog_mapping_product FOREIGN KEY (product_id) REFERENCES product (product_id) ON DELETE CASCADE
);
