package org.hutong.exchange.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.hutong.shared.infrastructure.work.Wakeup;

/**
 * Tells the relay that a transaction of this server committed messages, so that they leave at once
 * rather than at the next poll (which is there for other servers' messages and for retries).
 */
@ApplicationScoped
public class OutboxSignal extends Wakeup {
}
