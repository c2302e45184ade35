-- V2: severity and category of received information, for filtered queries. PostgreSQL dialect.
-- Keep in step with ../derby/V2.sql.
ALTER TABLE information_item ADD COLUMN severity SMALLINT;
ALTER TABLE information_item ADD COLUMN category VARCHAR(200);
CREATE INDEX ix_information_severity_seq ON information_item (severity, sequence_no);
CREATE INDEX ix_information_category_seq ON information_item (category, sequence_no);
CREATE INDEX ix_information_received_seq ON information_item (received_at, sequence_no);
