package org.hutong.security.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses the hub may call on a product's or a caller's behalf: public unicast addresses,
 * and whatever an administrator allowed by host name, address or CIDR block. Loopback, link-local
 * (cloud metadata services), private (RFC 1918, RFC 4193), shared (RFC 6598), multicast and the
 * unspecified address would let anyone who can register a URL reach the hub's own network.
 */
public final class OutboundDestinations {

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Block> allowedBlocks = new ArrayList<>();

    private record Block(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            int rest = prefix % 8;
            if (!Arrays.equals(Arrays.copyOf(bytes, whole), Arrays.copyOf(network, whole))) {
                return false;
            }
            int mask = rest == 0 ? 0 : (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
        }
    }

    /**
     * @param allowList comma-separated host names, IP addresses and CIDR blocks (e.g.
     *                  {@code 127.0.0.1, fw.internal.example, 10.8.0.0/16}); blank for none
     * @throws IllegalArgumentException if an entry is not one of those
     */
    public OutboundDestinations(String allowList) {
        for (String entry : allowList == null ? new String[0] : allowList.split(",")) {
            String trimmed = entry.strip().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.contains("/")) {
                allowedBlocks.add(block(trimmed));
            } else if (isLiteral(trimmed)) {
                allowedBlocks.add(block(trimmed + (trimmed.contains(":") ? "/128" : "/32")));
            } else {
                allowedHosts.add(trimmed);
            }
        }
    }

    /** Why the hub may not call {@code host} at {@code addresses}; empty when it may. */
    public Optional<String> refusal(String host, InetAddress... addresses) {
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowedBlocks.stream().noneMatch(block -> block.contains(address))) {
                return Optional.of("reaches " + address.getHostAddress() + ", which is not a public address"
                        + " (an administrator may allow it with hutong.outbound.allow)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            boolean thisNetwork = first == 0;
            boolean shared = first == 100 && second >= 64 && second < 128;
            boolean reserved = first >= 240;
            boolean benchmarking = first == 198 && (second == 18 || second == 19);
            return !(thisNetwork || shared || reserved || benchmarking);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xFE) == 0xFC;
            boolean mappedOrCompatible = Arrays.equals(Arrays.copyOf(bytes, 10), new byte[10]);
            return !(uniqueLocal || mappedOrCompatible);
        }
        return false;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static Block block(String cidr) {
        String[] parts = cidr.split("/", 2);
        if (!isLiteral(parts[0])) {
            throw new IllegalArgumentException("'" + cidr + "' is not an address or CIDR block");
        }
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int prefix = Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("'" + cidr + "' has a prefix outside 0.." + network.length * 8);
            }
            return new Block(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not an address or CIDR block", e);
        }
    }
}
