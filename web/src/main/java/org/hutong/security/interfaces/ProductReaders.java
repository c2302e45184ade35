package org.hutong.security.interfaces;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.hutong.registry.application.ProductRegistry;
import org.hutong.registry.application.ProductView;
import org.hutong.security.domain.AccessRefusedException;
import org.hutong.security.domain.ProductRights;
import org.hutong.security.domain.Roles;

/**
 * What a product may read of the information: the types it subscribed to, and its own, while its
 * registration is active. People with a reading role read everything.
 */
@ApplicationScoped
public class ProductReaders {

    @EJB
    ProductRegistry registry;

    /**
     * @param type the information type asked for; null means every type
     * @param producer the producer asked for; null means every producer
     */
    public void checkRead(SecurityContext security, String type, String producer) {
        if (!onlyProduct(security)) {
            return;
        }
        String self = security.getUserPrincipal().getName();
        ProductView product = registry.find(self)
                .orElseThrow(() -> new AccessRefusedException("product '" + self + "' is not registered"));
        ProductRights rights = new ProductRights(product.id(), "active".equals(product.status()),
                Set.copyOf(product.publishes()), Set.copyOf(product.subscribes()));
        if (!rights.mayReadOwn()) {
            throw new AccessRefusedException("product '" + self + "' is " + product.status() + ": it reads nothing");
        }
        if (self.equals(producer)) {
            return;
        }
        if (type == null) {
            throw new AccessRefusedException("a product reads one information type it subscribed to (type=), "
                    + "or its own (producer=" + self + "); subscribed: " + product.subscribes());
        }
        if (!rights.mayRead(type)) {
            throw new AccessRefusedException("product '" + self + "' did not subscribe to " + type + " information");
        }
    }

    private static boolean onlyProduct(SecurityContext security) {
        return security.isUserInRole(Roles.PRODUCT) && !security.isUserInRole(Roles.ADMIN)
                && !security.isUserInRole(Roles.OPERATOR) && !security.isUserInRole(Roles.AUDITOR);
    }
}
