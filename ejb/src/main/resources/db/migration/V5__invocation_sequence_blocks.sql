-- Invocations, their targets and events are numbered from sequences the application takes in
-- blocks of 50, like stored information (V4): an invocation is inserted without a generated-key
-- round trip per row. Each sequence's value is the first of its block.
ALTER TABLE invocation ALTER COLUMN invocation_no DROP IDENTITY;
CREATE SEQUENCE invocation_seq INCREMENT BY 50 MINVALUE 1 CACHE 1 NO CYCLE OWNED BY invocation.invocation_no;
SELECT setval('invocation_seq', COALESCE(MAX(invocation_no), 0) + 1, false) FROM invocation;

ALTER TABLE invocation_target ALTER COLUMN target_no DROP IDENTITY;
CREATE SEQUENCE invocation_target_seq INCREMENT BY 50 MINVALUE 1 CACHE 1 NO CYCLE
    OWNED BY invocation_target.target_no;
SELECT setval('invocation_target_seq', COALESCE(MAX(target_no), 0) + 1, false) FROM invocation_target;

ALTER TABLE invocation_event ALTER COLUMN event_no DROP IDENTITY;
CREATE SEQUENCE invocation_event_seq INCREMENT BY 50 MINVALUE 1 CACHE 1 NO CYCLE
    OWNED BY invocation_event.event_no;
SELECT setval('invocation_event_seq', COALESCE(MAX(event_no), 0) + 1, false) FROM invocation_event;
