package org.hutong.function.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.hutong.function.application.HttpDelivery;
import org.hutong.security.application.HubSigningKey;
import org.hutong.security.application.OutboundPolicy;

/**
 * POSTs commands and callbacks to URLs the {@link OutboundPolicy} allows: the host is resolved once,
 * the addresses are checked, and the connection goes to those addresses (TLS still verifies the
 * name). 5 s to connect, 10 s for the answer, no redirects. What a failure records is the hub's own
 * words, never the remote end's: an error text would make the hub a port scanner.
 */
@ApplicationScoped
public class CheckedHttpDelivery implements HttpDelivery {

    @Inject
    OutboundPolicy policy;

    @Inject
    HubSigningKey signingKey;

    // Enforces MAX_DURATION: the client's time-outs restart with every byte, so an endpoint that answers a
    // byte every few seconds would otherwise hold the delivery (and outlive its claim's lease).
    @Resource
    ManagedScheduledExecutorService deadlines;

    private CloseableHttpClient client;

    @PostConstruct
    void init() {
        DnsResolver checkedResolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        try {
            client = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setDnsResolver(checkedResolver)
                            .setTlsSocketStrategy(new DefaultClientTlsStrategy(SSLContext.getDefault()))
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(10))
                                    .build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
                    .disableRedirectHandling()
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    @PreDestroy
    void close() {
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public Optional<String> post(String url, String json, String requestId) {
        Optional<String> refused = policy.refusal(url);
        if (refused.isPresent()) {
            return Optional.of("not delivered: the URL " + refused.get());
        }
        HttpPost post = new HttpPost(url);
        post.setHeader("X-Hutong-Request-Id", requestId);
        // Proof that the hub sent it: a detached JWS over the exact body, key at GET /api/v1/hub/keys.
        post.setHeader("X-Hutong-Signature", signingKey.sign(json));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, MAX_DURATION.toMillis(), TimeUnit.MILLISECONDS);
        try {
            int status = client.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status + " from " + url);
        } catch (IOException e) {
            return Optional.of(post.isCancelled() ? "timed out after " + MAX_DURATION.toSeconds() + " s" : describe(e));
        } finally {
            deadline.cancel(false);
        }
    }

    /** The hub's own account of a failure; the exception's text may quote the remote end. */
    static String describe(IOException failure) {
        if (failure instanceof UnknownHostException unknown) {
            String reason = String.valueOf(unknown.getMessage());
            return reason.contains("not a public address") ? "not delivered: " + reason : "unknown host";
        }
        if (failure instanceof SocketTimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return "could not connect";
        }
        if (failure instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "delivery failed";
    }
}
