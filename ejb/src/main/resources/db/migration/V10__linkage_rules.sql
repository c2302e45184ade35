-- Linkage rules (issue 14): information that matches a rule's trigger makes the hub invoke a function.
-- A rule's every version is kept (what fired is always the version recorded with the firing); the
-- rule row holds the current version and whether it is enabled.
CREATE TABLE linkage_rule (
    rule_id      VARCHAR(64)   NOT NULL,
    version      INTEGER       NOT NULL,
    enabled      BOOLEAN       NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    updated_by   VARCHAR(256)  NOT NULL,
    CONSTRAINT pk_linkage_rule PRIMARY KEY (rule_id)
);

CREATE TABLE linkage_rule_version (
    rule_id      VARCHAR(64)   NOT NULL,
    version      INTEGER       NOT NULL,
    document     TEXT          NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(256)  NOT NULL,
    CONSTRAINT pk_linkage_rule_version PRIMARY KEY (rule_id, version)
);

-- Each time a rule's trigger matched stored information, and what became of it. One firing per rule
-- and information item: evaluating the same item again (after a crash) cannot act twice. A firing
-- of a rule in approval mode keeps the invocation it would start (function arguments, targets) until
-- an operator approves or rejects it, or it expires.
CREATE TABLE linkage_firing (
    firing_no      BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    rule_id        VARCHAR(64)    NOT NULL,
    rule_version   INTEGER        NOT NULL,
    hub_id         VARCHAR(64)    NOT NULL,
    producer       VARCHAR(128)   NOT NULL,
    outcome        VARCHAR(32)    NOT NULL,
    dedupe_key     VARCHAR(1024),
    invocation_id  VARCHAR(64),
    reason         VARCHAR(2048),
    fired_at       TIMESTAMP      NOT NULL,
    arguments      TEXT,
    targets        TEXT,
    expires_at     TIMESTAMP,
    decided_by     VARCHAR(256),
    decided_at     TIMESTAMP,
    CONSTRAINT pk_linkage_firing PRIMARY KEY (firing_no),
    CONSTRAINT uq_linkage_firing_item UNIQUE (rule_id, hub_id)
);
CREATE INDEX ix_linkage_firing_rule ON linkage_firing (rule_id, firing_no);
CREATE INDEX ix_linkage_firing_dedupe ON linkage_firing (rule_id, dedupe_key, fired_at);
CREATE INDEX ix_linkage_firing_time ON linkage_firing (rule_id, fired_at);
CREATE INDEX ix_linkage_firing_waiting ON linkage_firing (expires_at) WHERE outcome = 'awaiting-approval';

-- The matches a counting trigger ("5 alerts from one source within 60 s") has seen, by its key, in the
-- receive time of the information; older than the rule's window they no longer count and are removed.
CREATE TABLE linkage_match (
    rule_id      VARCHAR(64)    NOT NULL,
    match_key    VARCHAR(1024)  NOT NULL,
    hub_id       VARCHAR(64)    NOT NULL,
    received_at  TIMESTAMP      NOT NULL,
    CONSTRAINT pk_linkage_match PRIMARY KEY (rule_id, hub_id)
);
CREATE INDEX ix_linkage_match_key ON linkage_match (rule_id, match_key, received_at);

-- How far the rule engine has read stored information (receive order). It starts at what is stored
-- when rules arrive: rules act on information received after they exist, never on history.
CREATE TABLE linkage_position (
    engine          VARCHAR(32)  NOT NULL,
    after_sequence  BIGINT       NOT NULL,
    CONSTRAINT pk_linkage_position PRIMARY KEY (engine)
);
INSERT INTO linkage_position (engine, after_sequence)
    SELECT 'rules', coalesce(max(sequence_no), 0) FROM information_item;
