package org.hutong.information.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.hutong.information.application.BatchReceipt;
import org.hutong.information.application.InformationView;
import org.hutong.information.domain.CodeList;
import org.hutong.information.domain.CodeListEntry;
import org.hutong.shared.domain.Violation;
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

    @Test
    void documentsEveryMemberOfBatchReceiptsAndCodeLists() {
        assertThat(names(BatchDocument.class)).containsExactly(names(BatchReceipt.class));
        assertThat(names(BatchDocument.Item.class)).containsExactly(names(BatchReceipt.ItemOutcome.class));
        assertThat(names(BatchDocument.Violation.class)).containsExactly(names(Violation.class));
        assertThat(names(CodeListDocument.class)).containsExactly(names(CodeList.class));
        assertThat(names(CodeListDocument.Entry.class)).containsExactly(names(CodeListEntry.class));
    }
}
