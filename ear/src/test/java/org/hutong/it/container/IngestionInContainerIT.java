package org.hutong.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.InformationQueries;
import org.hutong.information.application.IngestionReceipt;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.ReceivePosition;
import org.hutong.shared.domain.InformationType;
import org.hutong.information.domain.InvalidInformationException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.hutong.shared.domain.Sender;

/** The ingestion and query services with real JPA, the real database and the real broker. */
@ExtendWith(ArquillianExtension.class)
class IngestionInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.informationContext("ingestion").addClass(IngestionInContainerIT.class);
    }

    @EJB
    InformationIngestion ingestion;

    @EJB
    InformationQueries queries;

    /** A valid envelope of {@code type} whose body is named {@code name}. */
    static String envelope(String producer, String id, String type, String name) {
        String body = switch (type) {
            case "alert" -> "{\"name\":\"%s\",\"category\":\"network-attack/scan\",\"severity\":2}".formatted(name);
            case "asset" -> "{\"assetId\":\"%s\",\"kind\":\"server\"}".formatted(name);
            case "threat" -> "{\"indicators\":[{\"type\":\"domain\",\"value\":\"evil.example\"}],\"campaign\":\"%s\"}"
                    .formatted(name);
            case "incident" -> "{\"title\":\"%s\",\"category\":\"malware\",\"grade\":\"III\",\"status\":\"new\"}"
                    .formatted(name);
            default -> throw new IllegalArgumentException(type);
        };
        return """
                {"id":"%s","type":"%s","specVersion":"1.0","producer":"%s","time":"%s","body":%s}
                """.formatted(id, type, producer, Instant.now(), body);
    }

    @Test
    void storesReadsBackAndAssignsIncreasingSequences() {
        String producer = "arq-" + UUID.randomUUID().toString().substring(0, 8);
        IngestionReceipt first = ingestion.ingest(envelope(producer, UUID.randomUUID().toString(), "alert", "a"), Sender.HUB);
        IngestionReceipt second = ingestion.ingest(envelope(producer, UUID.randomUUID().toString(), "asset", "b"), Sender.HUB);

        assertThat(first.created()).isTrue();
        assertThat(second.information().hub().sequence()).isGreaterThan(first.information().hub().sequence());
        assertThat(queries.byHubId(first.information().hub().id())).contains(first.information());
    }

    @Test
    void findsByTypeAndProducerInReceiveOrderFromACursor() {
        String producer = "arq-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            ingestion.ingest(envelope(producer, UUID.randomUUID().toString(), i % 2 == 0 ? "alert" : "threat", "n" + i), Sender.HUB);
        }

        var alerts = queries.find(InformationCriteria.of(Optional.of(InformationType.ALERT), Optional.of(producer),
                ReceivePosition.START, 10));
        assertThat(alerts).extracting(view -> view.body().getString("name")).containsExactly("n0", "n2", "n4");

        var afterFirst = queries.findText(InformationCriteria.of(Optional.of(InformationType.ALERT), Optional.of(producer),
                ReceivePosition.START, 1)).get(0).position();
        var rest = queries.find(InformationCriteria.of(Optional.of(InformationType.ALERT), Optional.of(producer), afterFirst, 1));
        assertThat(rest).extracting(view -> view.body().getString("name")).containsExactly("n2");
    }

    @Test
    void detectsDuplicatesAndConflictsAgainstTheDatabase() {
        String producer = "arq-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        String original = envelope(producer, id, "incident", "ransomware");
        IngestionReceipt stored = ingestion.ingest(original, Sender.HUB);

        IngestionReceipt again = ingestion.ingest(original, Sender.HUB);
        assertThat(again.created()).isFalse();
        assertThat(again.information()).isEqualTo(stored.information());

        assertThatThrownBy(() -> ingestion.ingest(original.replace("ransomware", "phishing"), Sender.HUB))
                .isInstanceOf(ConflictingInformationException.class);
        assertThat(queries.find(InformationCriteria.of(Optional.empty(), Optional.of(producer), ReceivePosition.START, 10)))
                .hasSize(1);
    }

    @Test
    void refusesInvalidEnvelopesThroughTheEjbBoundaryUnwrapped() {
        assertThatThrownBy(() -> ingestion.ingest("{\"type\":\"alert\"}", Sender.HUB))
                .isInstanceOf(InvalidInformationException.class);
    }
}
