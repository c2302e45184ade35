package org.hutong.registry.domain;

import java.util.List;
import java.util.Optional;

/** Registered products. */
public interface ProductRepository {

    Optional<Product> find(String id);

    void add(Product product);

    /** Active products that provide {@code functionId}, by id. */
    List<Product> activeProviders(String functionId);

    /**
     * A page of products by id, after {@code afterId} ("" for the first page).
     *
     * @param function only those providing it, if not null
     * @param category only those of it, if not null
     * @param status only those in it, if not null
     */
    List<Product> find(String function, String category, ProductStatus status, String afterId, int limit);
}
