package org.hutong.shared.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request body is counted while it is read: over its limit the request ends with 413,
 * whether it announced its length or came in chunks. Without this a body was read whole into
 * memory before any limit was looked at.
 */
@Provider
public class RequestBodyLimit implements ReaderInterceptor {

    @Context
    ResourceInfo resource;

    @Inject
    @ConfigProperty(name = "hutong.http.max.body.bytes", defaultValue = "1048576")
    long maxBody;

    @Inject
    @ConfigProperty(name = "hutong.http.max.batch.body.bytes", defaultValue = "33554432")
    long maxBatchBody;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        boolean batch = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(LargeBody.class);
        long limit = batch ? maxBatchBody : maxBody;
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
            throw tooLarge(limit);
        }
        context.setInputStream(new CountingStream(context.getInputStream(), limit));
        return context.proceed();
    }

    static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException("the request body is larger than " + limit + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Fails the read that goes past the limit. */
    static final class CountingStream extends FilterInputStream {

        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) {
            count += bytes;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
