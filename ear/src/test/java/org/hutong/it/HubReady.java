package org.hutong.it;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Waits, before a test class runs, until the hub reports ready (database and broker UP). */
public class HubReady implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Hub.awaitReady(Duration.ofMinutes(3));
    }
}
