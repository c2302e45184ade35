-- V7: a product's signature policy: the public key its envelopes are signed with, and whether
-- unsigned envelopes of it are refused. Same statements for Derby and PostgreSQL.
ALTER TABLE product ADD COLUMN signing_algorithm VARCHAR(8);
ALTER TABLE product ADD COLUMN signing_key VARCHAR(8192);
ALTER TABLE product ADD COLUMN signatures_required SMALLINT DEFAULT 0 NOT NULL;
-- Requests per second the product may make over HTTP; NULL: the server's default.
ALTER TABLE product ADD COLUMN rate_limit INTEGER;
