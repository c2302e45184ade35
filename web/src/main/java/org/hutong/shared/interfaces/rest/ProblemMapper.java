package org.hutong.shared.interfaces.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The shape of every exception mapper: turn one kind of failure into a {@link Problem} about the
 * request being answered.
 */
public abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(E exception) {
        return problem(exception, instance()).toResponse();
    }

    /** The problem to answer with; {@code instance} is the request path relative to the API root. */
    protected abstract Problem problem(E exception, String instance);

    private String instance() {
        if (uriInfo == null) {
            return null;
        }
        String path = uriInfo.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }
}
