package org.hutong.function.application.rule;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * What a rule would do with a piece of information, without doing it: whether the trigger matches, the
 * outcome it would have now (de-duplication and rate included), the arguments and the targets.
 */
public record DryRun(boolean matches, String outcome, String reason, JsonObject arguments, String dedupeKey,
        List<String> targets) {
}
