package org.hutong.security.interfaces;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.security.application.LoginThrottling;
import org.hutong.security.application.ProductDirectory;
import org.hutong.security.domain.CertificateSubjects;
import org.hutong.security.domain.DirectoryEntry;
import org.hutong.security.infrastructure.BearerTokens;
import org.hutong.security.infrastructure.CredentialsRefusedException;
import org.hutong.security.infrastructure.RegistryLogin;
import org.hutong.security.infrastructure.TokenCaller;

/**
 * The one way into the function interfaces. People present a directory password (HTTP Basic,
 * checked by the server's user registry) or an OpenID Connect access token; products present a
 * client certificate whose subject CN is their product id (mutual TLS) or an OAuth2
 * client-credentials token. Roles follow from groups by the server's role mapping: directory
 * groups for passwords, the token's groups for tokens, {@code hutong.security.product.group} for
 * products. Presented credentials that prove nothing end the request with 401 and an audit record.
 */
@ApplicationScoped
public class HubAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(HubAuthenticationMechanism.class.getName());

    static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    /** The authenticated product's registered rate limit, for {@link ProductRateLimitFilter}. */
    static final String RATE_LIMIT_ATTRIBUTE = "org.hutong.security.rateLimit";

    @Inject
    BearerTokens bearerTokens;

    @Inject
    RegistryLogin registryLogin;

    /** Read outside any transaction: what it finds is a copy, detached at once. */
    @Inject
    ProductDirectory products;

    @EJB
    AuditLog audit;

    @Inject
    LoginThrottling throttling;

    @Inject
    @ConfigProperty(name = "hutong.security.product.group", defaultValue = "hutong-products")
    String productGroup;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute(CERTIFICATE_ATTRIBUTE);
        String claimed = "anonymous";
        String mechanism = "none";
        String source = request.getRemoteAddr();
        String user = null;
        try {
            // Only what can be guessed is throttled: a password or a token. A client certificate was verified in
            // the TLS handshake; locking its address would let anyone behind the same address (a TCP
            // pass-through balancer puts every client there) lock out every product with a few bad passwords.
            if (authorization != null) {
                // Before any check: a locked user or address gets nothing checked, so guessing costs time.
                if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                    user = basicUser(authorization.substring(6).trim());
                }
                Optional<LoginThrottling.Refusal> locked = throttling.refusal(user, source);
                if (locked.isPresent()) {
                    return throttled(request, response, user, source, locked.get());
                }
            }
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                mechanism = "bearer";
                TokenCaller caller = bearerTokens.verify(authorization.substring(7).trim());
                claimed = caller.name();
                return caller.product()
                        ? product(request, context, caller.name())
                        : context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                mechanism = "password";
                String[] pair = basic(authorization.substring(6).trim());
                claimed = pair[0];
                Set<String> groups = registryLogin.check(pair[0], pair[1].toCharArray());
                throttling.succeeded(pair[0]);
                return context.notifyContainerAboutLogin(pair[0], groups);
            }
            if (authorization != null) {
                throw new CredentialsRefusedException("unsupported Authorization scheme; use Basic or Bearer");
            }
            if (chain != null && chain.length > 0) {
                mechanism = "certificate";
                claimed = commonName(chain[0].getSubjectX500Principal())
                        .orElseThrow(() -> new CredentialsRefusedException("the client certificate has no CN"));
                return product(request, context, claimed);
            }
        } catch (CredentialsRefusedException e) {
            String lock = authorization == null ? "" : countFailure(user, source);
            return refuse(request, response, claimed, mechanism, e.getMessage(), lock);
        } catch (RuntimeException e) {
            // The credentials may well be good: what checks them (the product registry's database, the
            // directory) failed. Neither 401 nor 403 would be true; the container would answer 403.
            String reference = UUID.randomUUID().toString();
            String what = mechanism + " credentials of " + claimed;
            LOG.log(Level.SEVERE, e, () -> "Cannot check the " + what + ", reference " + reference);
            return unavailable(response, reference);
        }
        if (context.isProtected()) {
            return challenge(response, "credentials are required: a client certificate, a bearer token or a password");
        }
        return context.doNothing();
    }

    /** Counts a refused password or token; the refusal stands and is audited even when counting fails. */
    private String countFailure(String user, String source) {
        try {
            return throttling.failed(user, source);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot count a failed login from {0}: {1}", new Object[] {source, e.getMessage()});
            return "; not counted: " + e.getMessage();
        }
    }

    private AuthenticationStatus product(HttpServletRequest request, HttpMessageContext context, String productId)
            throws CredentialsRefusedException {
        Optional<DirectoryEntry> product = products.find(productId);
        if (product.isEmpty() || !product.get().registered()) {
            throw new CredentialsRefusedException("no registered product " + productId);
        }
        if (product.get().rateLimit() != null) {
            request.setAttribute(RATE_LIMIT_ATTRIBUTE, product.get().rateLimit());
        }
        return context.notifyContainerAboutLogin(productId, Set.of(productGroup));
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String claimed,
            String mechanism, String reason, String lock) {
        audit.recordSecurityEvent(AuditEntry.refused(claimed, "authentication", request.getRequestURI(),
                mechanism + " from " + request.getRemoteAddr() + ": " + reason + lock));
        return challenge(response, reason);
    }

    /**
     * 429 without checking the credentials. Only the first refusal of a lock is audited; the count of
     * the others goes into the record of the next checked attempt.
     */
    private AuthenticationStatus throttled(HttpServletRequest request, HttpServletResponse response, String user,
            String source, LoginThrottling.Refusal refusal) {
        long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        if (refusal.first()) {
            audit.recordSecurityEvent(AuditEntry.refused(user == null ? "anonymous" : user, "authentication",
                    request.getRequestURI(), "from " + source + ": too many failed logins; attempts are refused"
                            + " unchecked for " + seconds + " s and counted"));
        }
        response.setHeader("Retry-After", Long.toString(seconds));
        return fail(response, Response.Status.TOO_MANY_REQUESTS, "too-many-requests",
                "too many failed logins for this user or from this address; retry after " + seconds + " s");
    }

    private static AuthenticationStatus unavailable(HttpServletResponse response, String reference) {
        return fail(response, Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "The hub could not check the credentials; quote reference " + reference + " to its administrator.");
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, String detail) {
        response.addHeader("WWW-Authenticate", "Bearer realm=\"hutong\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"hutong\", charset=\"UTF-8\"");
        return fail(response, Response.Status.UNAUTHORIZED, "unauthorized", detail);
    }

    /** Answers with the problem now: committed, so that the container cannot turn it into another status. */
    private static AuthenticationStatus fail(HttpServletResponse response, Response.Status status, String slug,
            String detail) {
        try {
            SecurityProblems.write(response, status, slug, detail, null);
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; the status is all it could have had.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The user name of Basic credentials, or null when they cannot be read (they are refused later). */
    static String basicUser(String encoded) {
        try {
            return basic(encoded)[0];
        } catch (CredentialsRefusedException e) {
            return null;
        }
    }

    static String[] basic(String encoded) throws CredentialsRefusedException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CredentialsRefusedException("the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new CredentialsRefusedException("the Basic credentials are not user:password");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    static Optional<String> commonName(X500Principal subject) {
        return CertificateSubjects.commonName(subject);
    }
}
