package org.hutong.information.application;

import java.util.List;
import org.hutong.information.domain.InformationRecord;

/** Distributes accepted information to its subscribers (port; the publication outbox in production). */
@FunctionalInterface
public interface InformationPublisher {

    /**
     * Publishes records stored in the caller's transaction, in order, as their {@link InformationView}:
     * nothing leaves unless the caller commits, and it leaves after.
     */
    void publishAll(List<InformationRecord> records);
}
