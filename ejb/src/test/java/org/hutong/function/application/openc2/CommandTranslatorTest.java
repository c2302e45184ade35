package org.hutong.function.application.openc2;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.hutong.function.application.FunctionCatalog;
import org.hutong.information.application.DescriptionCatalog;
import org.junit.jupiter.api.Test;

class CommandTranslatorTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(CommandTranslatorTest.class.getClassLoader(),
            DescriptionCatalog.load(CommandTranslatorTest.class.getClassLoader()));

    @Test
    void denyIpv4ConnectionBlocksTheRemoteSourceInbound() {
        Translation.Invoke invoke = invoke("""
                {"action":"deny","target":{"ipv4_connection":{"src_addr":"198.51.100.7","dst_port":443}},
                 "args":{"duration":3600000,"slpf":{"direction":"ingress"}}}""");

        assertThat(invoke.function()).isEqualTo("protect.block-ip");
        assertThat(invoke.arguments().getString("ip")).isEqualTo("198.51.100.7");
        assertThat(invoke.arguments().getString("direction")).isEqualTo("inbound");
        assertThat(invoke.arguments().getString("duration")).isEqualTo("PT1H");
        assertThat(CATALOG.validateArguments(invoke.function(), invoke.arguments())).isEmpty();
    }

    @Test
    void containDeviceIsolatesTheHost() {
        Translation.Invoke invoke = invoke("""
                {"action":"contain","target":{"device":{"hostname":"ws-17","device_id":"A-0017"}}}""");

        assertThat(invoke.function()).isEqualTo("dispose.isolate-host");
        assertThat(invoke.arguments().getJsonObject("host").getString("assetId")).isEqualTo("A-0017");
        assertThat(CATALOG.validateArguments(invoke.function(), invoke.arguments())).isEmpty();
    }

    @Test
    void everyMappedPairProducesArgumentsItsFunctionAccepts() {
        String[] commands = {
            "{\"action\":\"deny\",\"target\":{\"ipv6_net\":\"2001:db8::/32\"}}",
            "{\"action\":\"deny\",\"target\":{\"domain_name\":\"evil.example\"}}",
            "{\"action\":\"deny\",\"target\":{\"uri\":\"https://evil.example/x\"}}",
            "{\"action\":\"allow\",\"target\":{\"ipv4_net\":\"203.0.113.0/24\"}}",
            "{\"action\":\"allow\",\"target\":{\"device\":{\"hostname\":\"ws-17\"}}}",
            "{\"action\":\"stop\",\"target\":{\"process\":{\"pid\":4242}}}",
            "{\"action\":\"delete\",\"target\":{\"file\":{\"path\":\"/tmp/evil\"}}}",
            "{\"action\":\"update\",\"target\":{\"file\":{\"name\":\"rules.conf\"}}}",
            "{\"action\":\"scan\",\"target\":{\"ipv4_net\":\"10.0.0.0/24\"}}"};
        for (String command : commands) {
            Translation.Invoke invoke = invoke(command);
            assertThat(CATALOG.validateArguments(invoke.function(), invoke.arguments())).as(command).isEmpty();
        }
    }

    @Test
    void queryFeaturesAndUnmappedPairs() {
        assertThat(CommandTranslator.translate(json("{\"action\":\"query\",\"target\":{\"features\":[\"pairs\"]}}")))
                .isEqualTo(new Translation.QueryFeatures(java.util.List.of("pairs")));
        assertThat(CommandTranslator.translate(json("{\"action\":\"start\",\"target\":{\"process\":{\"name\":\"x\"}}}")))
                .isInstanceOf(Translation.NotImplemented.class);
    }

    private static Translation.Invoke invoke(String command) {
        Translation translation = CommandTranslator.translate(json(command));
        assertThat(translation).isInstanceOf(Translation.Invoke.class);
        return (Translation.Invoke) translation;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
