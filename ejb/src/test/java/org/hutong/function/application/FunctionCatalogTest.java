package org.hutong.function.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import org.hutong.function.domain.FunctionDefinition;
import org.hutong.function.domain.FunctionType;
import org.hutong.information.application.DescriptionCatalog;
import org.hutong.shared.domain.InformationType;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;

class FunctionCatalogTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(FunctionCatalogTest.class.getClassLoader(),
            DescriptionCatalog.load(FunctionCatalogTest.class.getClassLoader()));

    @Test
    void holdsTheFunctionsOfEveryTypeWithKnownInformationTypes() {
        assertThat(CATALOG.all()).extracting(FunctionDefinition::id).contains(
                "identify.discover-assets", "identify.scan-vulnerabilities", "identify.check-configuration",
                "protect.block-ip", "protect.block-domain", "protect.block-url", "protect.unblock",
                "protect.deploy-policy", "protect.update-signatures", "monitor.report-alerts",
                "monitor.collect-behavior", "monitor.query-status", "dispose.isolate-host", "dispose.release-host",
                "dispose.kill-process", "dispose.quarantine-file", "dispose.disable-account", "dispose.report-incident");
        assertThat(Arrays.stream(FunctionType.values()))
                .allSatisfy(type -> assertThat(CATALOG.all()).filteredOn(f -> f.type() == type).hasSizeGreaterThanOrEqualTo(3));
        assertThat(CATALOG.all()).allSatisfy(function -> {
            assertThat(function.consumes()).allSatisfy(t -> assertThat(InformationType.fromWireName(t)).isPresent());
            assertThat(function.produces()).allSatisfy(t -> assertThat(InformationType.fromWireName(t)).isPresent());
        });
    }

    @Test
    void acceptsValidArguments() {
        assertThat(CATALOG.validateArguments("protect.block-ip", json("{\"ip\":\"203.0.113.7\",\"direction\":\"inbound\","
                + "\"duration\":\"PT1H\",\"reason\":\"scanner\"}"))).isEmpty();
        assertThat(CATALOG.validateArguments("protect.block-ip", json("{\"ip\":\"2001:db8::/32\"}"))).isEmpty();
        assertThat(CATALOG.validateArguments("dispose.isolate-host", json("{\"host\":{\"ip\":\"10.1.2.3\"}}"))).isEmpty();
    }

    @Test
    void namesEveryViolationWithAPointer() {
        assertThat(CATALOG.validateArguments("protect.block-ip", json("{\"ip\":\"999.1.1.1\"}")))
                .extracting(Violation::pointer).containsExactly("/ip");
        assertThat(CATALOG.validateArguments("protect.block-ip", json("{\"ip\":\"not-an-ip\",\"direction\":\"sideways\","
                + "\"colour\":\"red\"}"))).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/ip", "/direction", "/colour");
        assertThat(CATALOG.validateArguments("dispose.isolate-host", json("{}"))).extracting(Violation::pointer)
                .containsExactly("/host");
        assertThat(CATALOG.validateArguments("dispose.isolate-host", json("{\"host\":{\"ip\":\"10.1.2.300\"}}")))
                .extracting(Violation::pointer).contains("/host/ip");
    }

    @Test
    void unblockTakesExactlyOneTarget() {
        assertThat(CATALOG.validateArguments("protect.unblock", json("{\"domain\":\"evil.example\"}"))).isEmpty();
        assertThat(CATALOG.validateArguments("protect.unblock", json("{}"))).isNotEmpty();
        assertThat(CATALOG.validateArguments("protect.unblock",
                json("{\"domain\":\"evil.example\",\"ip\":\"10.0.0.1\"}"))).isNotEmpty();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
