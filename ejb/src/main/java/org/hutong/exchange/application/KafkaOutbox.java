package org.hutong.exchange.application;

import java.util.List;
import org.hutong.exchange.domain.OutboundMessage;

/**
 * Messages to publish on Kafka as well as on the broker, in the caller's transaction (port). Only those
 * whose type has a Kafka topic ({@code hutong.kafka.outbound}) are kept; with Kafka off, none.
 */
public interface KafkaOutbox {

    void append(List<OutboundMessage> messages);
}
