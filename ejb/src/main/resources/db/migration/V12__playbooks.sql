-- Playbooks (issue 14): CACAO 2.0 playbooks, every version kept, and their runs. A run's every step
-- has a row that says where it stands, so that a run survives a restart and continues from its rows.
CREATE TABLE playbook (
    playbook_id  VARCHAR(100)  NOT NULL,
    version      INTEGER       NOT NULL,
    name         VARCHAR(256)  NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    updated_by   VARCHAR(256)  NOT NULL,
    CONSTRAINT pk_playbook PRIMARY KEY (playbook_id)
);

CREATE TABLE playbook_version (
    playbook_id  VARCHAR(100)  NOT NULL,
    version      INTEGER       NOT NULL,
    document     TEXT          NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(256)  NOT NULL,
    CONSTRAINT pk_playbook_version PRIMARY KEY (playbook_id, version)
);

-- status: ongoing, successfully_executed or failed; variables: the run's variable values (JSON object).
CREATE TABLE playbook_run (
    run_id            CHAR(36)       NOT NULL,
    playbook_id       VARCHAR(100)   NOT NULL,
    playbook_version  INTEGER        NOT NULL,
    status            VARCHAR(32)    NOT NULL,
    variables         TEXT           NOT NULL,
    started_at        TIMESTAMP      NOT NULL,
    started_by        VARCHAR(256)   NOT NULL,
    finished_at       TIMESTAMP,
    reason            VARCHAR(2000),
    CONSTRAINT pk_playbook_run PRIMARY KEY (run_id)
);

CREATE INDEX ix_playbook_run_playbook ON playbook_run (playbook_id, started_at);

-- One row per step a run reached (a tree: each step at most once). status: ready (due at due_at),
-- ongoing (an invocation, or the branches of a parallel or if-condition step, open), await_user_input,
-- successfully_executed, failed or timeout_error.
CREATE TABLE playbook_step_run (
    run_id          CHAR(36)       NOT NULL,
    step_id         VARCHAR(100)   NOT NULL,
    parent_step_id  VARCHAR(100),
    status          VARCHAR(32)    NOT NULL,
    due_at          TIMESTAMP      NOT NULL,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    deadline        TIMESTAMP,
    invocation_id   VARCHAR(64),
    branches_open   INTEGER        NOT NULL DEFAULT 0,
    detail          VARCHAR(2000),
    decided_by      VARCHAR(256),
    CONSTRAINT pk_playbook_step_run PRIMARY KEY (run_id, step_id)
);

CREATE INDEX ix_playbook_step_run_due ON playbook_step_run (status, due_at);

-- A rule whose action starts a playbook records the run it started.
ALTER TABLE linkage_firing ADD COLUMN run_id CHAR(36);
