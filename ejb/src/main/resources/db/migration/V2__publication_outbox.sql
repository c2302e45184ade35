-- Messages the hub has committed to publish (information on hutong.information.<type>, commands on
-- hutong.function.<id>): written in the transaction that decided them, published by the relay after
-- the commit, deleted once the broker has them. The broker drops a repeat of a duplicate id, so a
-- relay that published but died before deleting does not deliver twice.
CREATE TABLE publication_outbox (
    outbox_no    BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    address      VARCHAR(256)  NOT NULL,
    routing      VARCHAR(16)   NOT NULL,
    duplicate_id VARCHAR(128)  NOT NULL,
    properties   TEXT          NOT NULL,
    body         TEXT          NOT NULL,
    -- Requests (commands): correlation id, reply queue, and when the command expires.
    correlation_id VARCHAR(128),
    reply_to     VARCHAR(256),
    expires_at   TIMESTAMP,
    created_at   TIMESTAMP     NOT NULL,
    CONSTRAINT pk_publication_outbox PRIMARY KEY (outbox_no),
    CONSTRAINT ck_publication_outbox_routing CHECK (routing IN ('multicast', 'anycast'))
);
