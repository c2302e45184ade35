package org.hutong.exchange.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.junit.jupiter.api.Test;

class BrokerPublicationTest {

    @Test
    void recognisesTheBrokersRefusalOfADuplicateWhereverTheClientWrapsIt() {
        JMSException wrapped = new JMSException("Duplicate message detected - message will not be routed");
        wrapped.initCause(new ActiveMQDuplicateIdException());

        assertThat(BrokerPublication.isDuplicate(wrapped)).isTrue();
        assertThat(BrokerPublication.isDuplicate(new JMSException("AMQ219014: Timed out"))).isFalse();
    }
}
