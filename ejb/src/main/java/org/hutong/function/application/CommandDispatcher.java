package org.hutong.function.application;

/** Puts commands on products' queues, in the caller's transaction. */
public interface CommandDispatcher {

    /** Sends {@code command} (JSON) to {@code queue}, expiring at the command's deadline. */
    void send(String queue, String requestId, String function, String command, long timeToLiveMillis);
}
