package org.hutong.exchange.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConnectorsTest {

    @Test
    void readsTheResourceAdaptersNotationOfAPair() {
        assertThat(BrokerConnectors.parse("host=mq1;port=61617;sslEnabled=true; trustStorePath=/etc/ca.p12 ,host=mq2;port=61617"))
                .containsExactly(
                        Map.of("host", "mq1", "port", "61617", "sslEnabled", "true", "trustStorePath", "/etc/ca.p12"),
                        Map.of("host", "mq2", "port", "61617"));
    }

    @Test
    void keepsEqualsSignsInValues() {
        assertThat(BrokerConnectors.parse("host=mq;trustStorePassword=a=b=")).containsExactly(
                Map.of("host", "mq", "trustStorePassword", "a=b="));
    }

    @Test
    void refusesWhatIsNotNameValue() {
        assertThatThrownBy(() -> BrokerConnectors.parse("host=mq;61616")).hasMessageContaining("'61616' is not name=value");
        assertThatThrownBy(() -> BrokerConnectors.parse(" , ")).hasMessageContaining("names no connector");
    }

    @Test
    void takesOneConnectorClassPerConnectorOrOneForAll() {
        String netty = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";
        assertThat(BrokerConnectors.factories(netty + ", " + netty, 2)).containsExactly(netty, netty);
        assertThat(BrokerConnectors.factories(netty, 2)).containsExactly(netty, netty);
        assertThatThrownBy(() -> BrokerConnectors.factories("a,b,c", 2)).hasMessageContaining("2 connectors but 3");
    }
}
