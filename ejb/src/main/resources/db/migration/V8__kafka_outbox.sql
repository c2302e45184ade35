-- Information the hub has committed to publish on Kafka topics (hutong.kafka.outbound), written in the
-- transaction that stored it and relayed after the commit by one relay at a time, in transactions of
-- Kafka's transactional producer. Each record carries its outbox_no in the header hutong_outbox_no:
-- after a crash between Kafka's commit and this table's delete, the relay reads the topics' last
-- records back and does not publish those rows again.
CREATE TABLE kafka_outbox (
    outbox_no   BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    topic       VARCHAR(249)  NOT NULL,
    record_key  VARCHAR(256),
    headers     TEXT          NOT NULL,
    body        TEXT          NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_kafka_outbox PRIMARY KEY (outbox_no)
);
