package org.hutong.information.domain.state;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The incident lifecycle (code list incident-status): new → investigating → contained →
 * resolved → closed, one step at a time; a resolved or closed incident may be reopened, which
 * puts it back to investigating.
 */
public enum IncidentStatus {
    NEW,
    INVESTIGATING,
    CONTAINED,
    RESOLVED,
    CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }

    /** The statuses this one may change to. */
    public Set<IncidentStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(INVESTIGATING);
            case INVESTIGATING -> EnumSet.of(CONTAINED);
            case CONTAINED -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, INVESTIGATING);
            case CLOSED -> EnumSet.of(INVESTIGATING);
        };
    }

    public boolean canBecome(IncidentStatus status) {
        return next().contains(status);
    }
}
