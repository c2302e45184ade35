-- CEF and LEEF events consumed from Kafka topics are mapped like syslog lines and parked alike.
ALTER TABLE syslog_dead_letter DROP CONSTRAINT ck_syslog_dead_letter_transport;
ALTER TABLE syslog_dead_letter ADD CONSTRAINT ck_syslog_dead_letter_transport
    CHECK (transport IN ('tls', 'tcp', 'udp', 'kafka'));
