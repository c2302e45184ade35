package org.hutong.audit.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.hutong.shared.infrastructure.work.Wakeup;

/** Tells the sealer that a transaction of this server committed audit entries. */
@ApplicationScoped
public class SealerWakeup extends Wakeup {
}
