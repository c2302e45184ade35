package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.Violation;
import org.junit.jupiter.api.Test;

class IngestionServiceTest {

    private static final String ID = "0b6a1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77";
    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    private final InMemoryRepository repository = new InMemoryRepository();
    private final List<InformationView> published = new ArrayList<>();
    private final List<String> parked = new ArrayList<>();
    private final IngestionService service = new IngestionService(repository, published::add,
            (payload, reason, violations) -> parked.add(reason + " | " + payload), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void storesAndPublishesNewInformation() {
        IngestionReceipt receipt = service.ingest(EnvelopeParserTest.alert(ID));

        assertThat(receipt.created()).isTrue();
        assertThat(repository.records).hasSize(1);
        assertThat(published).containsExactly(receipt.information());
        assertThat(receipt.information().hub().receivedAt()).isEqualTo(NOW);
        assertThat(receipt.information().hub().sequence()).isEqualTo(1L);
        assertThat(receipt.information().time()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void answersADuplicateWithTheOriginalAndStoresNothingNew() {
        IngestionReceipt first = service.ingest(EnvelopeParserTest.alert(ID));
        // Same content, different member order and whitespace.
        IngestionReceipt second = service.ingest("""
                {"body":{"severity":2,"name":"port scan"},"time":"2026-11-29T08:00:00+08:00",
                 "producer":"ids-01","specVersion":"1.0","type":"alert","id":"%s"}""".formatted(ID));

        assertThat(second.created()).isFalse();
        assertThat(second.information().hub()).isEqualTo(first.information().hub());
        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesTheSameIdWithDifferentContent() {
        service.ingest(EnvelopeParserTest.alert(ID));

        assertThatThrownBy(() -> service.ingest(EnvelopeParserTest.alert(ID).replace("port scan", "brute force")))
                .isInstanceOf(ConflictingInformationException.class)
                .hasMessageContaining(ID);
        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void storesAndPublishesNothingInvalid() {
        assertThatThrownBy(() -> service.ingest("{\"type\":\"alert\"}"))
                .isInstanceOf(InvalidInformationException.class);
        assertThat(repository.records).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void parksRejectedMessagesWithTheirReason() {
        service.reject("{oops", "not valid JSON", List.of(new Violation("", "not valid JSON")));

        assertThat(parked).containsExactly("not valid JSON | {oops");
    }

    /** Assigns receive sequences as the database identity column would. */
    static final class InMemoryRepository implements InformationRepository {
        final List<InformationRecord> records = new ArrayList<>();

        @Override
        public void store(InformationRecord record) {
            try {
                var sequence = InformationRecord.class.getDeclaredField("sequence");
                sequence.setAccessible(true);
                sequence.set(record, (long) records.size() + 1);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            records.add(record);
        }

        @Override
        public Optional<InformationRecord> findByHubId(String hubId) {
            return records.stream().filter(r -> r.hubId().equals(hubId)).findFirst();
        }

        @Override
        public Optional<InformationRecord> findByProducerAndId(String producer, String envelopeId) {
            return records.stream()
                    .filter(r -> r.producer().equals(producer) && r.envelopeId().equals(envelopeId))
                    .findFirst();
        }

        @Override
        public List<InformationRecord> find(InformationCriteria criteria) {
            return records.stream().limit(criteria.limit()).toList();
        }
    }
}
