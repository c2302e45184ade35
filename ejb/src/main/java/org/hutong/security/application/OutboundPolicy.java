package org.hutong.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.security.domain.OutboundDestinations;

/**
 * Decides which URLs the hub calls: product command endpoints and callers' callbacks. Checked when
 * the URL is given (a {@code 400}), and again at every delivery after DNS resolution, where the
 * connection goes to the very addresses checked (so a name that resolves elsewhere later reaches
 * nothing new). With {@code hutong.outbound.https.only} (set by the production transport) only
 * {@code https} is accepted.
 */
@ApplicationScoped
public class OutboundPolicy {

    // Optional: an empty Liberty variable is no value at all to MicroProfile Config.
    @Inject
    @ConfigProperty(name = "hutong.outbound.allow")
    Optional<String> allowList;

    @Inject
    @ConfigProperty(name = "hutong.outbound.https.only", defaultValue = "false")
    boolean httpsOnly;

    private OutboundDestinations destinations;

    public OutboundPolicy() {
        // for CDI
    }

    public OutboundPolicy(String allowList, boolean httpsOnly) {
        this.allowList = Optional.ofNullable(allowList);
        this.httpsOnly = httpsOnly;
        init();
    }

    @PostConstruct
    void init() {
        destinations = new OutboundDestinations(allowList.orElse(""));
    }

    /**
     * Why the hub will not call {@code url}; empty when it will. A name that does not resolve now is
     * accepted here and checked again at delivery.
     */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            return Optional.of("must be an absolute http(s) URL with a host and no user information");
        }
        if (httpsOnly && !"https".equals(uri.getScheme())) {
            return Optional.of("must be an https URL (hutong.outbound.https.only, set in production)");
        }
        String host = hostOf(uri);
        try {
            return destinations.refusal(host, InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The addresses of {@code host} the hub may connect to: all of them, or none.
     *
     * @throws UnknownHostException if it does not resolve, or resolves to an address the hub may not call
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        Optional<String> refusal = destinations.refusal(host, addresses);
        if (refusal.isPresent()) {
            throw new UnknownHostException(host + " " + refusal.get());
        }
        return addresses;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
