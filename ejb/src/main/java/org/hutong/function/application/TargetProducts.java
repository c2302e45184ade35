package org.hutong.function.application;

import java.util.List;
import org.hutong.function.domain.rule.RuleTarget;
import org.hutong.registry.application.Provider;
import org.hutong.registry.application.Providers;

/** The products a target names for a function: one product, every active provider, or those of a category. */
public final class TargetProducts {

    private TargetProducts() {
    }

    public static List<String> of(Providers products, String function, RuleTarget target) {
        return switch (target.kind()) {
            case PRODUCT -> List.of(target.name());
            case ALL -> products.activeProviders(function).stream().map(Provider::id).toList();
            case CATEGORY -> products.activeProviders(function).stream()
                    .filter(product -> target.name().equals(product.category())).map(Provider::id).toList();
        };
    }
}
