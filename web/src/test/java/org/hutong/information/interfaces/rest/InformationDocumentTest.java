package org.hutong.information.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.hutong.information.application.InformationView;
import org.junit.jupiter.api.Test;

/** The OpenAPI schema must describe exactly what the hub sends. */
class InformationDocumentTest {

    private static String[] names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
    }

    @Test
    void documentsEveryMemberOfTheView() {
        assertThat(names(InformationDocument.class)).containsExactly(names(InformationView.class));
        assertThat(names(InformationDocument.Hub.class)).containsExactly(names(InformationView.HubReceipt.class));
    }
}
