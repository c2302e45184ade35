package org.hutong.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionReadinessTest {

    /** The defaults of server.xml and its includes, as a production server would read them if nothing was set. */
    private static Map<String, String> developmentDefaults() {
        Map<String, String> config = new HashMap<>();
        config.put("hutong.keystore.password", "hutong-dev-only");
        config.put("hutong.ltpa.password", "hutong-dev-only");
        config.put("hutong.products.truststore.password", "hutong-dev-only");
        config.put("hutong.broker.password", "hutong-dev-only");
        config.put("hutong.db.password", "hutong-dev-only");
        config.put("hutong.identity.profile", "ldap");
        config.put("hutong.ldap.bind.password", "hutong-dev-only");
        config.put("hutong.ldap.ssl", "false");
        config.put("hutong.audit.key", ProductionReadiness.DEVELOPMENT_AUDIT_KEY);
        config.put("hutong.keystore.location", "/opt/wlp/usr/servers/hutong/resources/security/key.p12");
        config.put("hutong.products.truststore", "/opt/wlp/usr/servers/hutong/resources/security/key.p12");
        config.put("hutong.broker.connection", "host=127.0.0.1;port=61616");
        config.put("hutong.kafka.bootstrap", "127.0.0.1:9093");
        config.put("hutong.kafka.password", "hutong-dev-only");
        config.put("hutong.syslog.dev.product", "dev-syslog");
        return config;
    }

    @Test
    void namesEveryDevelopmentSecretAndEveryClearChannel() {
        Map<String, String> config = developmentDefaults();

        assertThat(ProductionReadiness.problems(name -> Optional.ofNullable(config.get(name)))).satisfiesExactly(
                p -> assertThat(p).startsWith("hutong.keystore.password is the development secret"),
                p -> assertThat(p).startsWith("hutong.ltpa.password is the development secret"),
                p -> assertThat(p).startsWith("hutong.products.truststore.password is the development secret"),
                p -> assertThat(p).startsWith("hutong.broker.password is the development secret"),
                p -> assertThat(p).startsWith("hutong.db.password is the development secret"),
                p -> assertThat(p).startsWith("hutong.ldap.bind.password is the development secret"),
                p -> assertThat(p).startsWith("hutong.audit.key is the development key"),
                p -> assertThat(p).startsWith("hutong.products.truststore is the server's own key store"),
                p -> assertThat(p).startsWith("the directory is reached in clear"),
                p -> assertThat(p).startsWith("the broker is reached in clear"),
                p -> assertThat(p).startsWith("hutong.kafka.password is the development secret"),
                p -> assertThat(p).startsWith("hutong.syslog.dev.product registers a development syslog product"));
    }

    @Test
    void acceptsAConfigurationWithItsOwnSecretsAndTlsEverywhere() {
        Map<String, String> config = developmentDefaults();
        config.replaceAll((name, value) -> value.equals("hutong-dev-only") ? "s3cret-" + name.hashCode() : value);
        config.put("hutong.audit.key", "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
        config.put("hutong.products.truststore", "/etc/hutong/products-ca.p12");
        config.put("hutong.ldap.ssl", "true");
        config.put("hutong.broker.connection", "host=mq1;port=61617;sslEnabled=true;trustStorePath=/etc/hutong/mq-ca.p12");
        config.put("hutong.syslog.dev.product", "");

        assertThat(ProductionReadiness.problems(name -> Optional.ofNullable(config.get(name)))).isEmpty();
    }

    @Test
    void doesNotAskForDirectorySettingsWhenPeopleAreNotInADirectory() {
        Map<String, String> config = developmentDefaults();
        config.put("hutong.identity.profile", "basic");

        assertThat(ProductionReadiness.problems(name -> Optional.ofNullable(config.get(name))))
                .noneMatch(problem -> problem.contains("ldap") || problem.contains("directory"));
    }

    @Test
    void namesTheDevelopmentPasswordsOfTheBuiltInUsersWhenPeopleAreNotInADirectory() {
        Map<String, String> config = developmentDefaults();
        config.put("hutong.identity.profile", "basic");
        config.put("hutong.admin.password", "hutong-dev-only");
        config.put("hutong.operator.password", "hutong-dev-only");
        config.put("hutong.auditor.password", "hutong-dev-only");

        assertThat(ProductionReadiness.problems(name -> Optional.ofNullable(config.get(name))))
                .anyMatch(problem -> problem.startsWith("hutong.admin.password is the development secret"))
                .anyMatch(problem -> problem.startsWith("hutong.operator.password is the development secret"))
                .anyMatch(problem -> problem.startsWith("hutong.auditor.password is the development secret"));
    }

    @Test
    void everyBrokerConnectorOfAPairMustUseTls() {
        Map<String, String> config = developmentDefaults();
        config.put("hutong.broker.connection",
                "host=mq1;port=61617;sslEnabled=true;trustStorePath=/etc/hutong/mq-ca.p12,host=mq2;port=61616");

        assertThat(ProductionReadiness.problems(name -> Optional.ofNullable(config.get(name))))
                .anyMatch(problem -> problem.startsWith("the broker is reached in clear"));
    }
}
