package org.hutong.function.application;

import java.time.Instant;

/** Puts commands on products' queues: with the caller's transaction, leaving after its commit. */
public interface CommandDispatcher {

    /** Sends {@code command} (JSON) to {@code queue}, expiring at the command's {@code deadline}. */
    void send(String queue, String requestId, String function, String command, Instant deadline);
}
