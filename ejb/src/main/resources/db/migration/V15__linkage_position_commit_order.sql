-- The rule engine's position in the commit order of stored information (V14): transaction, then sequence.
-- Positions taken before V14 stand among the items stored before it, which all keep transaction 0.
ALTER TABLE linkage_position ADD COLUMN after_txid BIGINT NOT NULL DEFAULT 0;
