package org.hutong.security.interfaces.syslog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which product an unauthenticated syslog sender (TCP, UDP) is: its source address, bound by the
 * administrator in {@code hutong.syslog.sources} as {@code address=product} pairs separated by
 * commas. Only literal addresses are taken (no name is looked up); an address may be bound once.
 */
public final class SourceBindings {

    private static final Pattern PRODUCT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final Map<InetAddress, String> products;

    private SourceBindings(Map<InetAddress, String> products) {
        this.products = Map.copyOf(products);
    }

    /** @throws IllegalArgumentException naming the first pair that is not {@code address=product} */
    public static SourceBindings parse(String configured) {
        Map<InetAddress, String> products = new LinkedHashMap<>();
        if (configured != null) {
            for (String pair : configured.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String address = equals < 0 ? "" : pair.substring(0, equals).strip();
                String product = equals < 0 ? "" : pair.substring(equals + 1).strip();
                if (!LITERAL.matcher(address).matches() || !PRODUCT_ID.matcher(product).matches()) {
                    throw new IllegalArgumentException("hutong.syslog.sources: '" + pair.strip()
                            + "' is not address=product (a literal IPv4 or IPv6 address and a product id)");
                }
                InetAddress source = literal(address, pair);
                if (products.putIfAbsent(source, product) != null) {
                    throw new IllegalArgumentException("hutong.syslog.sources binds " + address + " twice");
                }
            }
        }
        return new SourceBindings(products);
    }

    private static InetAddress literal(String address, String pair) {
        try {
            // Only hex digits, colons and dots reach here: a literal, never a name to look up.
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("hutong.syslog.sources: '" + pair.strip() + "' has no valid address");
        }
    }

    /** The product bound to a source address; an IPv4-mapped IPv6 address is its IPv4 address. */
    public Optional<String> productOf(InetAddress source) {
        return Optional.ofNullable(products.get(source));
    }

    public boolean isEmpty() {
        return products.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        products.forEach((address, product) -> text.append(text.length() == 0 ? "" : ", ")
                .append(address.getHostAddress()).append('=').append(product));
        return text.toString();
    }
}
