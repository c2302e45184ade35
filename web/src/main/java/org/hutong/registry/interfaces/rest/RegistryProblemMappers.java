package org.hutong.registry.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.hutong.registry.application.ProductConflictException;
import org.hutong.registry.application.RegistrationRefusedException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.interfaces.rest.ProblemMapper;

/** Maps the registry's refusals onto the problem contract. */
public final class RegistryProblemMappers {

    private RegistryProblemMappers() {
    }

    /** 400: the registration declares what the hub does not know. */
    @Provider
    public static class RegistrationRefusedMapper extends ProblemMapper<RegistrationRefusedException> {
        @Override
        protected Problem problem(RegistrationRefusedException exception, String instance) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-registration", exception.getMessage(), instance,
                    exception.violations().stream()
                            .map(v -> Problem.ProblemViolation.atPointer(v.pointer(), v.message())).toList());
        }
    }

    /** 409: the id is taken, or the product is deregistered. */
    @Provider
    public static class ProductConflictMapper extends ProblemMapper<ProductConflictException> {
        @Override
        protected Problem problem(ProductConflictException exception, String instance) {
            return Problem.of(Response.Status.CONFLICT, "product-conflict", exception.getMessage(), instance, List.of());
        }
    }
}
