package org.hutong.information.domain.correlation;

import java.time.Instant;
import java.util.List;

/**
 * What correlation takes from an alert: its hub id, name, GB/T 20986 category (a top-level code or
 * {@code category/sub-category}), severity, the producer's time, and the assets it hit as the hub knows them.
 */
public record CorrelatedAlert(String hubId, String name, String category, int severity, Instant time,
        List<AffectedAsset> assets) {

    /** An asset an alert hit: its reference (the asset's id, or the hub's record id) and its importance (0: unknown). */
    public record AffectedAsset(String ref, int importance) {
    }

    public CorrelatedAlert {
        assets = List.copyOf(assets);
    }

    public String topCategory() {
        int slash = category.indexOf('/');
        return slash < 0 ? category : category.substring(0, slash);
    }

    public boolean hasSubCategory() {
        return category.indexOf('/') > 0;
    }

    public int maxImportance() {
        return assets.stream().mapToInt(AffectedAsset::importance).max().orElse(0);
    }
}
