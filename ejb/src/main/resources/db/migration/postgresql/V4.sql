-- V4: product registry and function invocations, PostgreSQL dialect.
-- Keep in step with ../derby/V4.sql: only the types of large text and identity syntax differ.
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
