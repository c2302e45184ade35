-- V1: received information (append-only), Derby dialect.
-- Keep in step with ../postgresql/V1.sql: only the types of large text differ.
CREATE TABLE information_item (
    sequence_no   BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1, INCREMENT BY 1) NOT NULL,
    hub_id        CHAR(36)     NOT NULL,
    producer      VARCHAR(128) NOT NULL,
    envelope_id   VARCHAR(128) NOT NULL,
    info_type     VARCHAR(16)  NOT NULL,
    spec_version  VARCHAR(16)  NOT NULL,
    produced_at   TIMESTAMP    NOT NULL,
    received_at   TIMESTAMP    NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    body_json     CLOB         NOT NULL,
    signature     VARCHAR(8192),
    CONSTRAINT pk_information_item PRIMARY KEY (sequence_no),
    CONSTRAINT uq_information_hub_id UNIQUE (hub_id),
    CONSTRAINT uq_information_producer_id UNIQUE (producer, envelope_id)
);
CREATE INDEX ix_information_type_seq ON information_item (info_type, sequence_no);
CREATE INDEX ix_information_producer_seq ON information_item (producer, sequence_no);
