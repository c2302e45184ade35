package org.hutong.function.application.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.function.domain.rule.RuleTarget;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;

class RuleDocumentsTest {

    static final String BLOCK = """
            {"name":"Block scanners on every firewall",
             "trigger":{"type":"alert","producerCategories":["intrusion-detection"],"minSeverity":3,
                        "categories":["network-attack"],"where":[{"pointer":"/body/source/ip","exists":true}]},
             "action":{"function":"protect.block-ip","target":"category:firewall",
                       "arguments":{"ip":"${/body/source/ip}","duration":"PT1H","reason":"${/body/name} (rule)"},
                       "timeout":"PT30S"},
             "dedupe":{"key":"${/body/source/ip}","window":"PT1H"},
             "maxFiringsPerMinute":10}""";

    static final RuleDocuments DOCUMENTS = new RuleDocuments(Set.of("protect.block-ip", "dispose.isolate-host")::contains,
            Set.of("network-attack", "network-attack/scan", "malware")::contains);

    @Test
    void readsARule() {
        LinkageRule rule = DOCUMENTS.read("block-scanners", 3, BLOCK, Instant.EPOCH);
        assertThat(rule.version()).isEqualTo(3);
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.target()).isEqualTo(new RuleTarget(RuleTarget.Kind.CATEGORY, "firewall"));
        assertThat(rule.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rule.dedupe()).contains(new LinkageRule.Dedupe("${/body/source/ip}", Duration.ofHours(1)));
        assertThat(rule.maxFiringsPerMinute()).isEqualTo(10);
        assertThat(rule.actOnProducer()).isFalse();
        assertThat(rule.trigger().where()).hasSize(1);
        assertThat(rule.actor()).isEqualTo("rule:block-scanners@3");
    }

    @Test
    void everyViolationAtOnce() {
        String broken = """
                {"name":"x","colour":"red",
                 "trigger":{"type":"alert","categories":["network-attack","not-a-category"],
                            "where":[{"pointer":"body/source","exists":true},{"pointer":"/body/name","matches":"("}]},
                 "action":{"function":"protect.nuke","target":"all","arguments":{"ip":"${no-slash}"},"timeout":"PT48H"},
                 "dedupe":{"key":"k","window":"soon"}}""";
        InvalidRuleException schema = catchThrowableOfType(() -> DOCUMENTS.read("r", 1, broken, Instant.EPOCH),
                InvalidRuleException.class);
        assertThat(schema.violations()).extracting(Violation::pointer).containsExactly("/colour");

        InvalidRuleException semantic = catchThrowableOfType(() -> DOCUMENTS.read("r", 1,
                broken.replace("\"colour\":\"red\",", ""), Instant.EPOCH), InvalidRuleException.class);
        assertThat(semantic.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
                "/trigger/where/0/pointer", "/trigger/where/1/matches", "/trigger/categories/1", "/action/function",
                "/action/arguments", "/action/timeout", "/dedupe/window");
    }

    @Test
    void readsACountingTriggerAndAnApproval() {
        LinkageRule rule = DOCUMENTS.read("r", 1, BLOCK.replace("\"where\"",
                "\"count\":{\"atLeast\":5,\"within\":\"PT60S\",\"by\":\"${/body/source/ip}\"},\"where\"")
                .replace("\"maxFiringsPerMinute\"", "\"approval\":{\"expiresAfter\":\"PT15M\"},\"maxFiringsPerMinute\""),
                Instant.EPOCH);
        assertThat(rule.count()).contains(new LinkageRule.Count(5, Duration.ofSeconds(60),
                java.util.Optional.of("${/body/source/ip}")));
        assertThat(rule.approvalExpiresAfter()).contains(Duration.ofMinutes(15));

        InvalidRuleException refused = catchThrowableOfType(() -> DOCUMENTS.read("r", 1, BLOCK.replace("\"where\"",
                "\"count\":{\"atLeast\":5,\"within\":\"P2D\",\"by\":\"${x}\"},\"where\"")
                .replace("\"maxFiringsPerMinute\"", "\"approval\":{\"expiresAfter\":\"PT1S\"},\"maxFiringsPerMinute\""),
                Instant.EPOCH), InvalidRuleException.class);
        assertThat(refused.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
                "/trigger/count/by", "/trigger/count/within", "/approval/expiresAfter");
    }

    @Test
    void aMissingActionAndABadIdAreViolations() {
        InvalidRuleException refused = catchThrowableOfType(() -> DOCUMENTS.read("../etc", 1,
                "{\"name\":\"x\",\"trigger\":{\"type\":\"alert\"}}", Instant.EPOCH), InvalidRuleException.class);
        assertThat(refused.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder("", "/action");
        assertThat(catchThrowableOfType(() -> DOCUMENTS.read("r", 1, "[1]", Instant.EPOCH), InvalidRuleException.class))
                .hasMessageContaining("a rule is a JSON object");
    }

    @Test
    void readsACorrelatingRuleAndRefusesWhatOnlyAnInvocationHas() {
        String correlate = """
                {"name":"Brute force by source",
                 "trigger":{"type":"alert","categories":["network-attack"]},
                 "action":{"correlate":{"by":"${/body/source/ip}","within":"PT10M"}}}""";
        LinkageRule rule = DOCUMENTS.read("bf", 1, correlate, Instant.EPOCH);
        assertThat(rule.correlation()).contains(new LinkageRule.Correlation("${/body/source/ip}", Duration.ofMinutes(10)));
        assertThat(rule.function()).isNull();
        assertThat(rule.describeAction()).isEqualTo("correlate alerts by ${/body/source/ip} within PT10M");

        InvalidRuleException refused = catchThrowableOfType(() -> DOCUMENTS.read("bf", 1, correlate
                .replace("\"alert\"", "\"behavior\"").replace("\"correlate\"", "\"function\":\"protect.block-ip\",\"correlate\"")
                .replace("PT10M", "P2D").replace("}}}", "}},\"dedupe\":{\"key\":\"k\",\"window\":\"PT1H\"}}"),
                Instant.EPOCH), InvalidRuleException.class);
        assertThat(refused.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
                "/action/function", "/trigger/type", "/dedupe", "/action/correlate/within");
        assertThat(catchThrowableOfType(() -> DOCUMENTS.read("bf", 1, correlate.replace("}}}",
                "}},\"maxFiringsPerMinute\":5,\"actOnProducer\":true}"), Instant.EPOCH), InvalidRuleException.class)
                .violations()).extracting(Violation::pointer).containsExactlyInAnyOrder("/maxFiringsPerMinute",
                        "/actOnProducer");
    }
}
