package org.hutong.information.application;

import java.util.List;
import org.hutong.shared.domain.Violation;

/** Where messages that cannot be ingested are kept, with their reasons (port). */
public interface RejectedInformation {

    void park(String payload, String reason, List<Violation> violations);
}
