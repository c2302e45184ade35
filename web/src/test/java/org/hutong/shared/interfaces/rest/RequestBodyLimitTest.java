package org.hutong.shared.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodyLimitTest {

    @Test
    void readsABodyUpToTheLimitAndFailsTheReadThatGoesPastIt() throws IOException {
        try (InputStream exact = new RequestBodyLimit.CountingStream(new ByteArrayInputStream(new byte[100]), 100)) {
            assertThat(exact.readAllBytes()).hasSize(100);
        }
        InputStream over = new RequestBodyLimit.CountingStream(new ByteArrayInputStream(new byte[101]), 100);

        assertThatThrownBy(over::readAllBytes).isInstanceOf(WebApplicationException.class)
                .satisfies(e -> assertThat(((WebApplicationException) e).getResponse().getStatus()).isEqualTo(413));
    }

    @Test
    void countsSingleBytesToo() {
        InputStream over = new RequestBodyLimit.CountingStream(new ByteArrayInputStream(new byte[3]), 2);

        assertThatThrownBy(() -> {
            while (over.read() >= 0) {
                // keep reading
            }
        }).isInstanceOf(WebApplicationException.class);
    }
}
