package org.hutong.exchange.infrastructure.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.hutong.shared.infrastructure.work.Wakeup;

/** Tells the Kafka relay that a transaction of this server committed records for Kafka. */
@ApplicationScoped
public class KafkaRelaySignal extends Wakeup {
}
