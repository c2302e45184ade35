package org.hutong.it;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What a test consumer received, counted per key (a hub id, an invocation id), to find repeats. */
final class DeliveryCount {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    void add(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    void awaitAll(Set<String> keys, Duration timeout, String what) {
        Hub.await(timeout, keys.size() + " " + what, () -> counts.keySet().containsAll(keys));
        settle();
    }

    void awaitAtLeast(int count, Duration timeout, String what) {
        Hub.await(timeout, count + " " + what, () -> counts.size() >= count);
        settle();
    }

    Set<String> keys() {
        return Set.copyOf(counts.keySet());
    }

    /** Deliveries beyond the first of each key. */
    long duplicates() {
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    /** Anything delivered twice arrives close behind: give it a moment to show. */
    private static void settle() {
        Hub.sleep(Duration.ofSeconds(2));
    }
}
