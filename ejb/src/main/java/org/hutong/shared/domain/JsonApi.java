package org.hutong.shared.domain;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The Jakarta JSON Processing provider, looked up once. {@code JSON.createObjectBuilder()} and the
 * other static methods of {@code Json} look the provider up through a ServiceLoader on every call,
 * which in Liberty walks the application's class loaders: profiled at about a quarter of the
 * server's CPU while it ingested alerts. The provider is stateless and shared by all threads.
 */
public final class JsonApi {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonApi() {
    }
}
