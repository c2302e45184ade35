package org.hutong.function.application;

import java.util.Optional;

/** POSTs JSON to products' and callers' HTTPS endpoints. */
public interface HttpDelivery {

    /** POSTs {@code json} to {@code url}; empty when it answered 2xx, else why not. */
    Optional<String> post(String url, String json, String requestId);
}
