package org.hutong.security.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What stops a server configured for production from starting: a development secret left in place,
 * the product trust store being the server's own key store, a directory or broker reached in clear.
 * Each problem names the setting to change.
 */
public final class ProductionReadiness {

    /** The secret every development default uses (server.xml and its includes). */
    public static final String DEVELOPMENT_SECRET = "hutong-dev-only";
    /** The development audit key (server.xml). */
    public static final String DEVELOPMENT_AUDIT_KEY =
            "aHV0b25nLWRldi1vbmx5IGF1ZGl0IGtleTogbmV2ZXIgdXNlIGluIHByb2R1Y3Rpb24=";

    private static final List<String> SECRETS = List.of("hutong.keystore.password", "hutong.ltpa.password",
            "hutong.products.truststore.password", "hutong.broker.password", "hutong.db.password");
    /** The built-in users of includes/identity-basic.xml, when people are not in a directory. */
    private static final List<String> BUILT_IN_USER_PASSWORDS = List.of("hutong.admin.password",
            "hutong.operator.password", "hutong.auditor.password");

    private ProductionReadiness() {
    }

    /** Every problem of the configuration {@code config} (a setting's value, if set) for production; empty when none. */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        for (String secret : SECRETS) {
            if (config.apply(secret).filter(DEVELOPMENT_SECRET::equals).isPresent()) {
                problems.add(secret + " is the development secret '" + DEVELOPMENT_SECRET + "'");
            }
        }
        boolean ldap = config.apply("hutong.identity.profile").filter("ldap"::equals).isPresent();
        List<String> identitySecrets = ldap ? List.of("hutong.ldap.bind.password") : BUILT_IN_USER_PASSWORDS;
        for (String secret : identitySecrets) {
            if (config.apply(secret).filter(DEVELOPMENT_SECRET::equals).isPresent()) {
                problems.add(secret + " is the development secret '" + DEVELOPMENT_SECRET + "'");
            }
        }
        if (config.apply("hutong.audit.key").filter(DEVELOPMENT_AUDIT_KEY::equals).isPresent()) {
            problems.add("hutong.audit.key is the development key: set base64 of 32 random bytes (openssl rand -base64 32)");
        }
        Optional<String> keyStore = config.apply("hutong.keystore.location");
        Optional<String> trustStore = config.apply("hutong.products.truststore");
        if (trustStore.isEmpty() || trustStore.equals(keyStore)) {
            problems.add("hutong.products.truststore is the server's own key store: point it at a store holding only"
                    + " the CA that issues product certificates");
        }
        if (ldap && config.apply("hutong.ldap.ssl").filter("true"::equalsIgnoreCase).isEmpty()) {
            problems.add("the directory is reached in clear: set hutong.ldap.ssl=true (LDAPS) with its CA in the trust store");
        }
        if (!config.apply("hutong.broker.connection").map(ProductionReadiness::everyConnectorUsesTls).orElse(false)) {
            problems.add("the broker is reached in clear: add sslEnabled=true (and the trust store) to every"
                    + " connector of hutong.broker.connection, for the broker's TLS acceptor");
        }
        boolean kafka = config.apply("hutong.kafka.bootstrap").filter(servers -> !servers.isBlank()).isPresent();
        boolean kafkaCertificate = config.apply("hutong.kafka.keystore").filter(path -> !path.isBlank()).isPresent();
        if (kafka && !kafkaCertificate && config.apply("hutong.kafka.password").filter(DEVELOPMENT_SECRET::equals).isPresent()) {
            problems.add("hutong.kafka.password is the development secret '" + DEVELOPMENT_SECRET + "'");
        }
        if (config.apply("hutong.syslog.dev.product").filter(product -> !product.isBlank()).isPresent()) {
            problems.add("hutong.syslog.dev.product registers a development syslog product at start: unset it and"
                    + " register products as an administrator");
        }
        return problems;
    }

    /** The resource adapter's connection parameters: connectors separated by ',', parameters by ';'. */
    private static boolean everyConnectorUsesTls(String connection) {
        return Arrays.stream(connection.split(",")).allMatch(connector -> Arrays.stream(connector.split(";"))
                .map(parameter -> parameter.strip().toLowerCase(Locale.ROOT).replace(" ", ""))
                .anyMatch("sslenabled=true"::equals));
    }
}
