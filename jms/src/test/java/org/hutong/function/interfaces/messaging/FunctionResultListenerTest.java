package org.hutong.function.interfaces.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.function.application.InvocationPage;
import org.hutong.function.application.InvocationRequest;
import org.hutong.function.application.InvocationView;
import org.hutong.function.application.Invocations;
import org.hutong.function.application.ResultReport;
import org.junit.jupiter.api.Test;
import org.hutong.security.domain.Sender;
import org.hutong.security.interfaces.messaging.BrokerSenders;

class FunctionResultListenerTest {

    private final List<String> accepted = new ArrayList<>();
    private final FunctionResultListener listener = new FunctionResultListener();

    {
        listener.senders = new BrokerSenders("hutong");
        listener.invocations = new Invocations() {
            @Override
            public InvocationView invoke(InvocationRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InvocationView report(ResultReport report) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void acceptResultMessage(String payload, Sender sender) {
                accepted.add(payload);
            }

            @Override
            public Optional<InvocationView> find(String invocationId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InvocationPage find(String function, String status, long before, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int timeOutOverdue() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void handsTheResultTextToTheApplication() {
        listener.onMessage(message(TextMessage.class, "{\"request_id\":\"r-1\",\"status\":\"succeeded\"}"));

        assertThat(accepted).containsExactly("{\"request_id\":\"r-1\",\"status\":\"succeeded\"}");
    }

    @Test
    void handsOtherMessagesOnAsEmptySoTheyAreParkedWithAReason() {
        listener.onMessage(message(BytesMessage.class, null));

        assertThat(accepted).containsExactly("");
    }

    private static Message message(Class<? extends Message> type, String text) {
        return (Message) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> "getText".equals(method.getName()) ? text : null);
    }
}
