-- Paging that holds across servers (issue 13). Each item records the transaction that wrote it; readers
-- page by (write_txid, sequence_no) and stop below pg_snapshot_xmin(pg_current_snapshot()): every
-- transaction below it has ended, every later commit lands after the reader's position. Items stored
-- before this migration are all committed: they keep 0 and their sequence order.
ALTER TABLE information_item ADD COLUMN write_txid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE information_item ALTER COLUMN write_txid SET DEFAULT (pg_current_xact_id()::text::bigint);

CREATE INDEX ix_information_commit_order ON information_item (write_txid, sequence_no);
DROP INDEX ix_information_type_seq;
CREATE INDEX ix_information_type_order ON information_item (info_type, write_txid, sequence_no);
DROP INDEX ix_information_producer_seq;
CREATE INDEX ix_information_producer_order ON information_item (producer, write_txid, sequence_no);
DROP INDEX ix_information_severity_seq;
CREATE INDEX ix_information_severity_order ON information_item (severity, write_txid, sequence_no);
DROP INDEX ix_information_category_seq;
CREATE INDEX ix_information_category_order ON information_item (category, write_txid, sequence_no);
