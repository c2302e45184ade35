package org.hutong.security.infrastructure.messaging;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArrayBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.shared.domain.InformationType;
import org.hutong.shared.domain.Destinations;
import org.hutong.security.application.BrokerAccounts;

/**
 * Product accounts on Artemis through its management address (the broker runs the basic security
 * manager, which keeps users in its journal and lets an account with the manage permission edit
 * them). Outside any transaction: a management request and its reply must not wait for a commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArtemisBrokerAccounts implements BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(ArtemisBrokerAccounts.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long REPLY_MILLIS = 10_000;

    @Resource(lookup = "jms/hutong/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Inject
    @ConfigProperty(name = "hutong.broker.role", defaultValue = "hutong")
    String hubRole;

    @Override
    public String issue(String productId, Set<String> subscribedTypes) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Management broker = new Management(connectionFactory.createContext())) {
            broker.invoke("removeUser", true, productId);
            broker.invoke("addUser", false, productId, password, BrokerAccounts.roles(productId, subscribedTypes), false);
            String own = hubRole + ",product-" + productId;
            // send, consume, create/delete durable queue, create/delete non-durable queue, manage, browse,
            // create/delete address: the product consumes, the hub does everything.
            broker.invoke("addSecuritySettings", false, Destinations.COMMAND_QUEUE_PREFIX + productId,
                    hubRole, own, hubRole, hubRole, hubRole, hubRole, hubRole, hubRole, hubRole, hubRole);
            subscriptions(broker, productId, subscribedTypes);
            broker.forgetSessions(productId);
        }
        LOG.log(Level.INFO, "Broker account of product {0} issued, subscribed to {1}", new Object[] {productId, subscribedTypes});
        return password;
    }

    @Override
    public void update(String productId, Set<String> subscribedTypes, boolean active) {
        String roles = active ? BrokerAccounts.roles(productId, subscribedTypes) : BrokerAccounts.SUSPENDED_ROLE;
        try (Management broker = new Management(connectionFactory.createContext())) {
            broker.invoke("resetUser", false, productId, null, roles);
            if (active) {
                subscriptions(broker, productId, subscribedTypes);
                broker.invoke("clearAuthorizationCache", true);
            } else {
                // Consumers already open would go on receiving: close its connections too.
                broker.forgetSessions(productId);
            }
        }
        LOG.log(Level.INFO, "Broker roles of product {0}: {1}", new Object[] {productId, roles});
    }

    @Override
    public void revoke(String productId) {
        try (Management broker = new Management(connectionFactory.createContext())) {
            broker.invoke("removeUser", true, productId);
            broker.invoke("removeSecuritySettings", true, Destinations.COMMAND_QUEUE_PREFIX + productId);
            subscriptions(broker, productId, Set.of());
            broker.forgetSessions(productId);
        }
        LOG.log(Level.INFO, "Broker account of product {0} revoked", productId);
    }

    /**
     * One durable queue per subscribed type, {@code <productId>.<type>} on {@code hutong.information.<type>},
     * that only the product consumes and browses (by its fully qualified name); the queues and
     * permissions of types it no longer subscribes to go. Only the hub makes or deletes them.
     */
    private void subscriptions(Management broker, String productId, Set<String> subscribedTypes) {
        String own = hubRole + ",product-" + productId;
        for (InformationType type : InformationType.values()) {
            String queue = BrokerAccounts.subscriptionQueue(productId, type.wireName());
            String fullyQualified = type.address() + "::" + queue;
            if (subscribedTypes.contains(type.wireName())) {
                broker.invoke("createQueue", false, JSON.createObjectBuilder().add("name", queue)
                        .add("address", type.address()).add("routing-type", "MULTICAST").add("durable", true)
                        .add("auto-create-address", false).build().toString(), true);
                // send, consume, create/delete durable queue, create/delete non-durable queue, manage,
                // browse, create/delete address
                broker.invoke("addSecuritySettings", false, fullyQualified,
                        hubRole, own, hubRole, hubRole, hubRole, hubRole, hubRole, own, hubRole, hubRole);
            } else {
                broker.invoke("removeSecuritySettings", true, fullyQualified);
                broker.invoke("destroyQueue", true, queue, true, false);
            }
        }
    }

    /** Requests to the broker's management address, with one reply queue for all of them. */
    private static final class Management implements AutoCloseable {

        private final JMSContext context;
        private final Queue address;
        private final TemporaryQueue replies;
        private final JMSConsumer answers;

        Management(JMSContext context) {
            this.context = context;
            this.address = context.createQueue("activemq.management");
            this.replies = context.createTemporaryQueue();
            this.answers = context.createConsumer(replies);
        }

        /**
         * The broker caches logins and permissions (10 s by default) and keeps connections open: a
         * replaced password or a removed account must stop working at once.
         */
        void forgetSessions(String productId) {
            invoke("clearAuthenticationCache", true);
            invoke("clearAuthorizationCache", true);
            invoke("closeConnectionsForUser", true, productId);
        }

        /** One operation on the broker resource; {@code tolerated}: a failure is not an error. */
        void invoke(String operation, boolean tolerated, Object... parameters) {
            JsonArrayBuilder arguments = JSON.createArrayBuilder();
            for (Object parameter : parameters) {
                if (parameter == null) {
                    arguments.addNull();
                } else if (parameter instanceof Boolean flag) {
                    arguments.add(flag);
                } else {
                    arguments.add(parameter.toString());
                }
            }
            try {
                TextMessage request = context.createTextMessage(arguments.build().toString());
                request.setStringProperty("_AMQ_ResourceName", "broker");
                request.setStringProperty("_AMQ_OperationName", operation);
                request.setJMSReplyTo(replies);
                context.createProducer().send(address, request);
                Message reply = answers.receive(REPLY_MILLIS);
                if (reply == null) {
                    throw new IllegalStateException("the broker did not answer " + operation + " within " + REPLY_MILLIS
                            + " ms");
                }
                if (!reply.getBooleanProperty("_AMQ_OperationSucceeded") && !tolerated) {
                    throw new IllegalStateException("the broker refused " + operation + ": " + reply.getBody(String.class));
                }
            } catch (JMSException e) {
                throw new JMSRuntimeException("broker management " + operation + " failed: " + e.getMessage(),
                        e.getErrorCode(), e);
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
