package org.hutong.registry.interfaces.rest;

import java.util.List;
import org.hutong.registry.application.ProductView;

/**
 * One page of products, by id.
 *
 * @param items the products
 * @param next the URI of the following page, absent on the last page
 */
public record ProductPage(List<ProductView> items, String next) {
}
