-- Failed password logins per user name, shared by every server (issue 13): a guesser who spreads
-- attempts over several servers meets one count and one lock. Names are kept as their SHA-256 digest
-- (people type passwords into the name field). Source addresses stay per server.
CREATE TABLE login_failure (
    user_key      CHAR(64)     NOT NULL,
    failures      INTEGER      NOT NULL,
    window_start  TIMESTAMP    NOT NULL,
    locked_until  TIMESTAMP,
    CONSTRAINT pk_login_failure PRIMARY KEY (user_key)
);
CREATE INDEX ix_login_failure_window ON login_failure (window_start);
