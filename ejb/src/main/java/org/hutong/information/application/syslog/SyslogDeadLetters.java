package org.hutong.information.application.syslog;

import java.util.List;
import java.util.Optional;

/** Where unreadable, unmappable or refused syslog lines are kept (port). */
public interface SyslogDeadLetters {

    /** Keeps the line with its reason, in the caller's transaction. */
    void park(SyslogLine line, String reason, List<org.hutong.shared.domain.Violation> violations);

    /** Dead letters after {@code after} (a number), oldest first, of one product or of all. */
    List<DeadLetter> page(Optional<String> productId, long after, int limit);
}
