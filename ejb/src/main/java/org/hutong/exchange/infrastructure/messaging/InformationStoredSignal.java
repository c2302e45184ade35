package org.hutong.exchange.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.hutong.shared.infrastructure.work.Wakeup;

/** Tells the workers that read stored information in receive order (the rule engine) that a transaction stored some. */
@ApplicationScoped
public class InformationStoredSignal extends Wakeup {
}
