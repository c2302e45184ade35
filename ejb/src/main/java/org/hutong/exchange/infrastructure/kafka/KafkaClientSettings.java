package org.hutong.exchange.infrastructure.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the hub reaches the Kafka cluster, from Liberty variables (includes/kafka.xml): TLS always, and
 * either SASL/SCRAM ({@code hutong.kafka.user}, {@code hutong.kafka.password}) or a client certificate
 * ({@code hutong.kafka.keystore}). Kafka is off while {@code hutong.kafka.bootstrap} is empty.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @ConfigProperty(name = "hutong.kafka.bootstrap")
    Optional<String> bootstrap;

    @Inject
    @ConfigProperty(name = "hutong.kafka.sasl.mechanism", defaultValue = "SCRAM-SHA-512")
    String saslMechanism;

    @Inject
    @ConfigProperty(name = "hutong.kafka.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "hutong.kafka.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "hutong.kafka.truststore")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "hutong.kafka.truststore.password")
    Optional<String> trustStorePassword;

    @Inject
    @ConfigProperty(name = "hutong.kafka.keystore")
    Optional<String> keyStore;

    @Inject
    @ConfigProperty(name = "hutong.kafka.keystore.password")
    Optional<String> keyStorePassword;

    public boolean enabled() {
        return bootstrap.filter(servers -> !servers.isBlank()).isPresent();
    }

    /** The connection and security settings every client of the hub shares. */
    public Properties client() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap.orElseThrow(() -> new IllegalStateException("Kafka is off")));
        properties.put("ssl.endpoint.identification.algorithm", "https");
        trustStore.filter(path -> !path.isBlank()).ifPresent(path -> {
            properties.put("ssl.truststore.location", path);
            properties.put("ssl.truststore.type", "PKCS12");
            trustStorePassword.ifPresent(secret -> properties.put("ssl.truststore.password", secret));
        });
        if (keyStore.filter(path -> !path.isBlank()).isPresent()) {
            properties.put("security.protocol", "SSL");
            properties.put("ssl.keystore.location", keyStore.get());
            properties.put("ssl.keystore.type", "PKCS12");
            keyStorePassword.ifPresent(secret -> properties.put("ssl.keystore.password", secret));
        } else {
            properties.put("security.protocol", "SASL_SSL");
            properties.put("sasl.mechanism", saslMechanism);
            properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"" + jaasQuoted(user.orElse("")) + "\" password=\"" + jaasQuoted(password.orElse("")) + "\";");
        }
        return properties;
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
