package org.hutong.function.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

class CheckedHttpDeliveryTest {

    @Test
    void recordsTheHubsOwnWordsNeverTheExceptionText() {
        assertThat(CheckedHttpDelivery.describe(new HttpHostConnectException("Connect to http://127.0.0.1:8161 failed:"
                + " Connection refused"))).isEqualTo("could not connect");
        assertThat(CheckedHttpDelivery.describe(new ConnectException("Connection refused"))).isEqualTo("could not connect");
        assertThat(CheckedHttpDelivery.describe(new ConnectTimeoutException("Connect to 10.0.0.1:22 timed out")))
                .isEqualTo("timed out");
        assertThat(CheckedHttpDelivery.describe(new SocketTimeoutException("Read timed out"))).isEqualTo("timed out");
        assertThat(CheckedHttpDelivery.describe(new SSLHandshakeException("PKIX path building failed: SSH-2.0-OpenSSH")))
                .isEqualTo("TLS handshake failed");
        assertThat(CheckedHttpDelivery.describe(new IOException("Invalid status line: 'SSH-2.0-OpenSSH_9.2'")))
                .isEqualTo("delivery failed");
        assertThat(CheckedHttpDelivery.describe(new UnknownHostException("internal.example")))
                .isEqualTo("unknown host");
        assertThat(CheckedHttpDelivery.describe(new UnknownHostException("metadata reaches 169.254.169.254, which is"
                + " not a public address"))).startsWith("not delivered: ").contains("169.254.169.254");
    }
}
