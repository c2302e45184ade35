package org.hutong.information.domain.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How the hub recognises an asset it has seen before: by its asset id, or by an IP address
 * together with a MAC address (an IP alone is re-used by DHCP and NAT, a MAC alone by
 * virtualisation). Addresses are normalised so that {@code 00-1A-2B-3C-4D-5E} and
 * {@code 00:1a:2b:3c:4d:5e}, or two spellings of one IPv6 address, are the same.
 */
public final class AssetIdentity {

    private static final String ASSET_ID = "asset-id:";
    private static final String IP_AND_MAC = "ip+mac:";
    private static final String IP = "ip:";
    private static final String MAC = "mac:";

    private AssetIdentity() {
    }

    /** The identity keys of an asset body; empty when it has neither an asset id nor an IP with a MAC. */
    public static Set<String> keysOf(JsonObject body) {
        Set<String> keys = new LinkedHashSet<>();
        assetId(body).ifPresent(id -> keys.add(ASSET_ID + id));
        List<String> ips = ips(body);
        for (String mac : macs(body)) {
            for (String ip : ips) {
                keys.add(IP_AND_MAC + ip + '|' + mac);
            }
        }
        return keys;
    }

    /** The addresses of an asset body, as the keys {@link #ipKey} and {@link #macKey} look them up. */
    public static Set<String> addressesOf(JsonObject body) {
        Set<String> addresses = new LinkedHashSet<>();
        ips(body).forEach(ip -> addresses.add(IP + ip));
        macs(body).forEach(mac -> addresses.add(MAC + mac));
        return addresses;
    }

    /** The identity key of an asset id, as {@link #keysOf} makes it. */
    public static String assetIdKey(String assetId) {
        return ASSET_ID + assetId;
    }

    public static String ipKey(String ip) {
        return IP + normalIp(ip);
    }

    public static String macKey(String mac) {
        return MAC + normalMac(mac);
    }

    public static Optional<String> assetId(JsonObject body) {
        return Optional.ofNullable(body.getString("assetId", null));
    }

    static String normalMac(String mac) {
        return mac.trim().toLowerCase(Locale.ROOT).replace('-', ':');
    }

    /** The canonical text of an IP literal; never a name look-up, which the literal check rules out. */
    static String normalIp(String ip) {
        String text = ip.trim();
        if (!text.matches("[0-9a-fA-F:.]+")) {
            return text.toLowerCase(Locale.ROOT);
        }
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static List<String> ips(JsonObject body) {
        return strings(body, "ips").stream().map(AssetIdentity::normalIp).distinct().toList();
    }

    private static List<String> macs(JsonObject body) {
        return strings(body, "macs").stream().map(AssetIdentity::normalMac).distinct().toList();
    }

    private static List<String> strings(JsonObject body, String member) {
        if (!(body.get("network") instanceof JsonObject network) || !(network.get(member) instanceof JsonArray values)) {
            return List.of();
        }
        return values.stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((JsonString) v).getString()).toList();
    }
}
