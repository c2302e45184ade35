package org.hutong.exchange.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The hub is ready only while the Artemis broker answers: browsing the ingress queue needs a
 * round trip to the broker, which a pooled connection alone would not prove.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BrokerReadinessCheck.class.getName());

    @Resource(lookup = "jms/hutong/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/hutong/InformationIngress")
    Queue ingress;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext()) {
            Collections.list(context.createBrowser(ingress, "1 = 0").getEnumeration());
            return HealthCheckResponse.named("broker").up().build();
        } catch (JMSException | JMSRuntimeException e) {
            // /health is public: the reason goes to the log, not to whoever asks.
            LOG.log(Level.WARNING, "The broker is not reachable: {0}", e.getMessage());
            return HealthCheckResponse.named("broker").down().build();
        }
    }
}
