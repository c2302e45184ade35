-- Where each inbound Kafka consumer group stands in each partition: written in the transaction that
-- stores what it read, so that after a crash it resumes exactly after the last stored record (no
-- record stored twice, none skipped), whatever Kafka's own committed offsets say.
CREATE TABLE consumed_offset (
    consumer_group VARCHAR(256)  NOT NULL,
    topic          VARCHAR(256)  NOT NULL,
    partition_no   INTEGER       NOT NULL,
    next_offset    BIGINT        NOT NULL,
    updated_at     TIMESTAMP     NOT NULL,
    CONSTRAINT pk_consumed_offset PRIMARY KEY (consumer_group, topic, partition_no)
);
