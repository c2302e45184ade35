package org.hutong.function.application;

import java.time.Duration;
import java.util.Optional;

/** POSTs JSON to products' and callers' HTTPS endpoints. */
public interface HttpDelivery {

    /** The longest one POST takes, connecting and answering included: then it is abandoned as timed out. */
    Duration MAX_DURATION = Duration.ofSeconds(20);

    /** POSTs {@code json} to {@code url}; empty when it answered 2xx, else why not. */
    Optional<String> post(String url, String json, String requestId);
}
