package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Size limits hold while a body is read, not only when it announces its length: a chunked body
 * (no Content-Length) over the limit is refused with 413 instead of being read whole into memory.
 */
@ExtendWith(HubReady.class)
class RequestSizeIT {

    private static final long MIB = 1024 * 1024;

    @Test
    void aChunkedInformationBodyOverTheBatchLimitIsRefusedWith413() {
        String producer = Hub.uniqueProducer("chunked");
        HttpRequest request = HttpRequest.newBuilder(URI.create(Hub.API + "/information"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> whitespaceArray(40 * MIB))).build();

        HttpResponse<String> response = Hub.registeredProduct(producer).send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aChunkedRegistrationOverTheRequestLimitIsRefusedWith413() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Hub.API + "/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> whitespaceArray(2 * MIB))).build();

        HttpResponse<String> response = TestIdentities.ADMIN.send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    /** "[", then spaces, then "]": {@code size} bytes that are valid JSON, streamed without a length. */
    private static InputStream whitespaceArray(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                long at = position++;
                return at == 0 ? '[' : at == size - 1 ? ']' : ' ';
            }
        };
    }
}
