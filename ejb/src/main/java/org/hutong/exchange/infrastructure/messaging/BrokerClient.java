package org.hutong.exchange.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections of the hub's own account to the broker outside the resource adapter, for work that
 * commits many messages in one local JMS transaction (the outbox relay, batched ingestion). The
 * same settings as the resource adapter: {@code hutong.broker.connection}, its connectors, HA, account.
 */
@ApplicationScoped
public class BrokerClient {

    @Inject
    @ConfigProperty(name = "hutong.broker.connection", defaultValue = "host=127.0.0.1;port=61616")
    String connectionParameters;

    @Inject
    @ConfigProperty(name = "hutong.broker.connectors",
            defaultValue = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory")
    String connectorFactory;

    @Inject
    @ConfigProperty(name = "hutong.broker.ha", defaultValue = "false")
    boolean highAvailability;

    @Inject
    @ConfigProperty(name = "hutong.broker.user", defaultValue = "hutong")
    String user;

    @Inject
    @ConfigProperty(name = "hutong.broker.password", defaultValue = "hutong-dev-only")
    String password;

    private volatile ActiveMQConnectionFactory factory;

    /** A new connection; its owner closes it, and opens another when it breaks (no reconnection inside). */
    public Connection connect() throws JMSException {
        return factory().createConnection(user, password);
    }

    private ActiveMQConnectionFactory factory() {
        ActiveMQConnectionFactory known = factory;
        if (known == null) {
            List<Map<String, Object>> parameters = BrokerConnectors.parse(connectionParameters);
            // One class per connector, as the resource adapter reads hutong.broker.connectors (an HA pair names two).
            List<String> factories = BrokerConnectors.factories(connectorFactory, parameters.size());
            TransportConfiguration[] connectors = new TransportConfiguration[parameters.size()];
            for (int i = 0; i < connectors.length; i++) {
                connectors[i] = new TransportConfiguration(factories.get(i), parameters.get(i));
            }
            known = highAvailability
                    ? ActiveMQJMSClient.createConnectionFactoryWithHA(JMSFactoryType.CF, connectors)
                    : ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF, connectors);
            known.setReconnectAttempts(0);
            factory = known;
        }
        return known;
    }
}
