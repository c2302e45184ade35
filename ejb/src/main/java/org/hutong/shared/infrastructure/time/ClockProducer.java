package org.hutong.shared.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The hub's clock, UTC; a seam for tests that need fixed time. */
@ApplicationScoped
public class ClockProducer {

    // Dependent scope: a java.time.Clock cannot be proxied.
    @Produces
    Clock utcClock() {
        return Clock.systemUTC();
    }
}
