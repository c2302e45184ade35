package org.hutong.function.application.openc2;

import jakarta.json.JsonObject;
import java.util.List;

/** What an OpenC2 command becomes. */
public sealed interface Translation {

    /** Run a catalog function with these arguments. */
    record Invoke(String function, JsonObject arguments) implements Translation {
    }

    /** Answer {@code query features} from the registry. */
    record QueryFeatures(List<String> features) implements Translation {
    }

    /** A valid command the hub has no function for: 501. */
    record NotImplemented(String reason) implements Translation {
    }
}
