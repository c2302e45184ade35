package org.hutong.security.infrastructure.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.junit.jupiter.api.Test;

class SenderStampingPluginTest {

    @Test
    void replacesAStampTheClientWrote() {
        Message message = new CoreMessage(1, 64);
        message.putStringProperty(Message.HDR_VALIDATED_USER, "hutong");

        SenderStampingPlugin.stamp(message, "probe-a");

        assertThat(message.getStringProperty(Message.HDR_VALIDATED_USER)).isEqualTo("probe-a");
    }

    @Test
    void stampsAMessageThatHadNone() {
        Message message = new CoreMessage(1, 64);

        SenderStampingPlugin.stamp(message, "probe-a");

        assertThat(message.getStringProperty(Message.HDR_VALIDATED_USER)).isEqualTo("probe-a");
    }

    @Test
    void removesAClientStampWhenTheSessionHasNoAuthenticatedUser() {
        Message message = new CoreMessage(1, 64);
        message.putStringProperty(Message.HDR_VALIDATED_USER, "hutong");

        SenderStampingPlugin.stamp(message, null);

        assertThat(message.getStringProperty(Message.HDR_VALIDATED_USER)).isNull();
    }
}
