-- Receive sequences come from a sequence the application takes in blocks of 100 (one nextval per
-- block rather than one generated key per row), so that a batch of items is inserted as one
-- batched statement. The sequence's value is the first of its block; no session cache (CACHE 1)
-- keeps blocks handed out in increasing order, which the receive horizon's paging guarantee needs.
ALTER TABLE information_item ALTER COLUMN sequence_no DROP IDENTITY;
CREATE SEQUENCE information_item_seq INCREMENT BY 100 MINVALUE 1 CACHE 1 NO CYCLE
    OWNED BY information_item.sequence_no;
SELECT setval('information_item_seq', COALESCE(MAX(sequence_no), 0) + 1, false) FROM information_item;
