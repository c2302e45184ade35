package org.hutong.exchange.application;

import java.util.List;
import org.hutong.exchange.domain.OutboundMessage;

/**
 * Publication after commit (port; the {@code publication_outbox} table in production). Messages are
 * written in the caller's transaction and leave for the broker only once it commits, in the order
 * they were appended; each is delivered once, whatever crashes in between.
 */
public interface Outbox {

    void append(List<OutboundMessage> messages);
}
