package org.hutong.security.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;
import org.hutong.security.infrastructure.CredentialsRefusedException;
import org.junit.jupiter.api.Test;

class HubAuthenticationMechanismTest {

    @Test
    void readsBasicCredentialsWithColonsInThePassword() throws Exception {
        String encoded = Base64.getEncoder().encodeToString("oscar:pa:ss".getBytes(StandardCharsets.UTF_8));

        assertThat(HubAuthenticationMechanism.basic(encoded)).containsExactly("oscar", "pa:ss");
        assertThatThrownBy(() -> HubAuthenticationMechanism.basic("%%%")).isInstanceOf(CredentialsRefusedException.class);
        assertThatThrownBy(() -> HubAuthenticationMechanism.basic(Base64.getEncoder().encodeToString("nocolon".getBytes(
                StandardCharsets.UTF_8)))).hasMessageContaining("user:password");
    }

    @Test
    void takesTheProductIdFromTheCertificatesCommonName() {
        assertThat(HubAuthenticationMechanism.commonName(new X500Principal("CN=fw-01, O=Example Networks, C=CN")))
                .hasValue("fw-01");
        assertThat(HubAuthenticationMechanism.commonName(new X500Principal("O=Example Networks"))).isEmpty();
    }
}
