package org.hutong.security.infrastructure;

import java.util.Set;

/**
 * Who a verified bearer token speaks for.
 *
 * @param name a person's user name, or the product id of a client-credentials token
 * @param product whether the token was issued to a product (OAuth2 client credentials)
 * @param groups the token's groups; empty for products
 */
public record TokenCaller(String name, boolean product, Set<String> groups) {

    public TokenCaller {
        groups = Set.copyOf(groups);
    }
}
