package org.hutong.security.interfaces;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.security.domain.RateLimiter;
import org.hutong.shared.domain.Roles;

/**
 * Per-product rate limits on every interface: a product that sends faster than its limit (its
 * registration's rateLimit, or hutong.security.rate.limit requests per second) gets 429 with
 * Retry-After. People are not limited here: they are few and accountable by name.
 */
@WebFilter(urlPatterns = {"/api/*", "/.well-known/openc2"})
public class ProductRateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProductRateLimitFilter.class.getName());
    private static final RateLimiter LIMITER = new RateLimiter(System::nanoTime);

    @Inject
    @ConfigProperty(name = "hutong.security.rate.limit", defaultValue = "200")
    transient int defaultPerSecond;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && request.isUserInRole(Roles.PRODUCT)) {
            Object registered = request.getAttribute(HubAuthenticationMechanism.RATE_LIMIT_ATTRIBUTE);
            int perSecond = registered instanceof Integer limit ? limit : defaultPerSecond;
            String product = request.getUserPrincipal().getName();
            Optional<Duration> wait = LIMITER.acquire(product, perSecond);
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                LOG.log(Level.FINE, "Product {0} over its limit of {1}/s", new Object[] {product, perSecond});
                response.setHeader("Retry-After", Long.toString(seconds));
                SecurityProblems.write(response, Response.Status.TOO_MANY_REQUESTS, "too-many-requests", "product '"
                        + product + "' may make " + perSecond + " requests per second; retry after " + seconds + " s",
                        request.getRequestURI());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
