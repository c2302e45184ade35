package org.hutong.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.InformationPublisher;
import org.hutong.information.application.InformationQueries;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.ReceivePosition;
import org.hutong.information.domain.InformationRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.hutong.shared.domain.Sender;

/**
 * Storing and publishing (writing the outbox) are one transaction: when publishing fails, nothing is
 * stored, so the sender gets an error and retries rather than the hub holding information nobody was told of.
 */
@ExtendWith(ArquillianExtension.class)
class PublishFailureInContainerIT {

    /** Replaces the outbox publisher in this deployment only. */
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION)
    @ApplicationScoped
    public static class BrokenPublisher implements InformationPublisher {
        @Override
        public void publishAll(List<InformationRecord> records) {
            throw new IllegalStateException("broker refused the message");
        }
    }

    @Deployment
    static WebArchive deployment() {
        return Deployments.informationContext("publish-failure")
                .addClasses(PublishFailureInContainerIT.class, BrokenPublisher.class, IngestionInContainerIT.class);
    }

    @EJB
    InformationIngestion ingestion;

    @EJB
    InformationQueries queries;

    @Test
    void aFailedPublicationLeavesNothingStored() {
        String producer = "arq-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> ingestion.ingest(
                IngestionInContainerIT.envelope(producer, UUID.randomUUID().toString(), "alert", "lost?"), Sender.HUB))
                .hasRootCauseMessage("broker refused the message");

        assertThat(queries.find(InformationCriteria.of(Optional.empty(), Optional.of(producer), ReceivePosition.START, 10)))
                .isEmpty();
    }
}
