package org.hutong.function.application.openc2;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the action–target pairs of the SLPF and ER profiles onto catalog functions. The table
 * {@link #PAIRS} is also what {@code query features} reports, for the pairs some active product
 * can carry out.
 */
public final class CommandTranslator {

    /** action → target → catalog function. */
    public static final Map<String, Map<String, String>> PAIRS = pairs();

    private CommandTranslator() {
    }

    private static Map<String, Map<String, String>> pairs() {
        Map<String, Map<String, String>> pairs = new LinkedHashMap<>();
        Map<String, String> deny = new LinkedHashMap<>();
        for (String target : List.of("ipv4_net", "ipv6_net", "ipv4_connection", "ipv6_connection")) {
            deny.put(target, "protect.block-ip");
        }
        deny.put("domain_name", "protect.block-domain");
        deny.put("uri", "protect.block-url");
        pairs.put("deny", deny);
        Map<String, String> allow = new LinkedHashMap<>();
        for (String target : List.of("ipv4_net", "ipv6_net", "ipv4_connection", "ipv6_connection", "domain_name", "uri")) {
            allow.put(target, "protect.unblock");
        }
        allow.put("device", "dispose.release-host");
        pairs.put("allow", allow);
        pairs.put("contain", Map.of("device", "dispose.isolate-host"));
        pairs.put("stop", Map.of("process", "dispose.kill-process"));
        pairs.put("delete", Map.of("file", "dispose.quarantine-file"));
        pairs.put("update", Map.of("file", "protect.deploy-policy"));
        pairs.put("scan", Map.of("ipv4_net", "identify.scan-vulnerabilities", "ipv6_net", "identify.scan-vulnerabilities"));
        pairs.put("query", Map.of("features", "-"));
        return Map.copyOf(pairs);
    }

    /** The translation of a command that passed the schema. */
    public static Translation translate(JsonObject command) {
        String action = command.getString("action");
        JsonObject targetWrapper = command.getJsonObject("target");
        String target = targetWrapper.keySet().iterator().next();
        JsonObject args = command.containsKey("args") ? command.getJsonObject("args") : JsonObject.EMPTY_JSON_OBJECT;
        if ("query".equals(action) && "features".equals(target)) {
            return new Translation.QueryFeatures(((JsonArray) targetWrapper.get("features")).getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList());
        }
        String function = Optional.ofNullable(PAIRS.get(action)).map(targets -> targets.get(target)).orElse(null);
        if (function == null) {
            return new Translation.NotImplemented("the pair '" + action + " " + target + "' is not implemented");
        }
        JsonObjectBuilder arguments = JSON.createObjectBuilder();
        reason(command).ifPresent(reason -> arguments.add("reason", reason));
        switch (function) {
            case "protect.block-ip" -> blockIp(targetWrapper, target, args, arguments);
            case "protect.block-domain" -> arguments.add("domain", targetWrapper.getString(target));
            case "protect.block-url" -> arguments.add("url", targetWrapper.getString(target));
            case "protect.unblock" -> unblock(targetWrapper, target, arguments);
            case "dispose.isolate-host", "dispose.release-host" -> arguments.add("host", host(targetWrapper.getJsonObject(target)));
            case "dispose.kill-process" -> killProcess(targetWrapper.getJsonObject(target), arguments);
            case "dispose.quarantine-file" -> quarantine(targetWrapper.getJsonObject(target), arguments);
            case "protect.deploy-policy" -> {
                JsonObject file = targetWrapper.getJsonObject(target);
                arguments.add("name", file.getString("name", file.getString("path", "openc2-update")))
                        .add("format", "openc2-file").add("policy", JSON.createObjectBuilder().add("file", file));
            }
            case "identify.scan-vulnerabilities" -> arguments.add("targets", JSON.createArrayBuilder()
                    .add(targetWrapper.getString(target)));
            default -> throw new IllegalStateException("no translation for " + function);
        }
        duration(args).ifPresent(duration -> {
            if (function.startsWith("protect.block")) {
                arguments.add("duration", duration.toString());
            }
        });
        return new Translation.Invoke(function, arguments.build());
    }

    private static void blockIp(JsonObject targetWrapper, String target, JsonObject args, JsonObjectBuilder arguments) {
        String direction = args.containsKey("slpf") ? args.getJsonObject("slpf").getString("direction", "both") : "both";
        if (target.endsWith("_net")) {
            arguments.add("ip", targetWrapper.getString(target));
        } else {
            JsonObject connection = targetWrapper.getJsonObject(target);
            // Blocking a connection blocks the remote end: the source for inbound traffic, else the destination.
            if (connection.containsKey("src_addr") && !"egress".equals(direction)) {
                arguments.add("ip", connection.getString("src_addr"));
                direction = "ingress".equals(direction) || !connection.containsKey("dst_addr") ? "ingress" : direction;
            } else {
                arguments.add("ip", connection.getString("dst_addr", connection.getString("src_addr", "")));
            }
        }
        arguments.add("direction", switch (direction) {
            case "ingress" -> "inbound";
            case "egress" -> "outbound";
            default -> "both";
        });
    }

    private static void unblock(JsonObject targetWrapper, String target, JsonObjectBuilder arguments) {
        switch (target) {
            case "domain_name" -> arguments.add("domain", targetWrapper.getString(target));
            case "uri" -> arguments.add("url", targetWrapper.getString(target));
            case "ipv4_net", "ipv6_net" -> arguments.add("ip", targetWrapper.getString(target));
            default -> {
                JsonObject connection = targetWrapper.getJsonObject(target);
                arguments.add("ip", connection.getString("src_addr", connection.getString("dst_addr", "")));
            }
        }
    }

    private static JsonObject host(JsonObject device) {
        JsonObjectBuilder host = JSON.createObjectBuilder();
        if (device.containsKey("hostname")) {
            host.add("hostname", device.getString("hostname"));
        } else if (device.containsKey("idn_hostname")) {
            host.add("hostname", device.getString("idn_hostname"));
        }
        if (device.containsKey("device_id")) {
            host.add("assetId", device.getString("device_id"));
        }
        return host.build();
    }

    private static void killProcess(JsonObject process, JsonObjectBuilder arguments) {
        JsonObjectBuilder host = JSON.createObjectBuilder();
        arguments.add("host", process.containsKey("x-hutong-host") ? process.getJsonObject("x-hutong-host")
                : host.add("hostname", "*").build());
        if (process.get("pid") instanceof JsonNumber pid) {
            arguments.add("pid", pid.intValue());
        }
        if (process.containsKey("name")) {
            arguments.add("name", process.getString("name"));
        }
    }

    private static void quarantine(JsonObject file, JsonObjectBuilder arguments) {
        arguments.add("host", JSON.createObjectBuilder().add("hostname", "*"));
        if (file.containsKey("path")) {
            arguments.add("path", file.getString("path"));
        } else if (file.containsKey("name")) {
            arguments.add("path", file.getString("name"));
        }
        if (file.containsKey("hashes") && file.getJsonObject("hashes").containsKey("sha256")) {
            arguments.add("sha256", file.getJsonObject("hashes").getString("sha256"));
        }
    }

    private static Optional<String> reason(JsonObject command) {
        return command.containsKey("command_id") ? Optional.of("OpenC2 command " + command.getString("command_id"))
                : Optional.of("OpenC2 command");
    }

    private static Optional<Duration> duration(JsonObject args) {
        if (args.get("duration") instanceof JsonNumber millis && millis.longValue() > 0) {
            return Optional.of(Duration.ofMillis(millis.longValue()));
        }
        return Optional.empty();
    }
}
