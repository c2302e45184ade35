-- An invocation's targets are read by invocation (every result report loads them): without an index
-- on the foreign key each read scanned the whole table, whose growth made PostgreSQL's CPU climb
-- through a run of the linkage benchmark (pg_stat_statements: 0.42 ms a read and rising).
CREATE INDEX ix_invocation_target_invocation ON invocation_target (invocation_no);
