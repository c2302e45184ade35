package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.application.AuditView;
import org.hutong.audit.application.ChainVerification;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.ReceivePosition;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;
import org.hutong.security.application.EnvelopeIntegrity;
import org.hutong.security.application.ProductDirectory;
import org.hutong.security.application.ProductRightsService;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.security.domain.ProductRights;
import org.hutong.shared.domain.Sender;
import org.hutong.exchange.application.ReceivedMessage;

class IngestionServiceTest {

    private static final String ID = "0b6a1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77";
    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    private final InMemoryRepository repository = new InMemoryRepository();
    private final InMemoryRecords records = new InMemoryRecords();
    private final List<InformationRecord> published = new ArrayList<>();
    private final List<String> parked = new ArrayList<>();
    private final IngestionService service = new IngestionService(Parsers.PARSER, InformationLimits.DEFAULTS, repository, published::addAll,
            (payload, reason, violations) -> parked.add(reason + " | " + payload), new RecordKeeper(records, entry -> { }),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final List<String> audited = new ArrayList<>();

    {
        service.integrity = new EnvelopeIntegrity(NO_PRODUCTS, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
        service.audit = new AuditLog() {
            @Override
            public List<AuditView> find(String actor, String action, Instant since, Instant until, long after, int limit) {
                throw new AssertionError("ingestion only records security events");
            }

            @Override
            public ChainVerification verify() {
                throw new AssertionError("ingestion only records security events");
            }

            @Override
            public void recordSecurityEvent(AuditEntry entry) {
                audited.add(entry.actor() + " " + entry.action() + " " + entry.outcome());
            }
        };
    }

    @Test
    void messagesFromTheQueueAreStoredOrParkedWithTheirReasonsInOneCall() {
        service.ingestReceived(List.of(
                ReceivedMessage.readable(EnvelopeParserTest.alert(ID), Sender.HUB, "hutong"),
                ReceivedMessage.unreadable("the message body is not UTF-8 text", "fw-01"),
                ReceivedMessage.unidentified("{\"id\":1}", "unstamped", "the message carries no sender stamped by the broker"),
                ReceivedMessage.readable("{}", Sender.HUB, "hutong"),
                ReceivedMessage.readable("[" + EnvelopeParserTest.alert(ID) + ",{}]", Sender.HUB, "hutong"),
                ReceivedMessage.readable(EnvelopeParserTest.alert(ID).replace("port scan", "other"), Sender.HUB, "hutong")));

        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
        assertThat(parked).satisfiesExactly(
                p -> assertThat(p).isEqualTo("the message body is not UTF-8 text | "),
                p -> assertThat(p).isEqualTo("the message carries no sender stamped by the broker | {\"id\":1}"),
                p -> assertThat(p).endsWith("| {}").contains("is required"),
                p -> assertThat(p).startsWith("batch item 1: ").endsWith("| {}"),
                p -> assertThat(p).contains("already sent information"));
        assertThat(audited).containsExactly("unstamped information.publish refused");
    }

    /** No producer registered a signing policy: envelopes are taken as they come. */
    static final ProductDirectory NO_PRODUCTS = id -> Optional.empty();

    @Test
    void storesAndPublishesNewInformation() {
        IngestionReceipt receipt = service.ingest(EnvelopeParserTest.alert(ID), Sender.HUB);

        assertThat(receipt.created()).isTrue();
        assertThat(repository.records).hasSize(1);
        assertThat(published).extracting(InformationRecord::hubId).containsExactly(receipt.information().hub().id());
        assertThat(receipt.information().hub().receivedAt()).isEqualTo(NOW);
        assertThat(receipt.information().hub().sequence()).isEqualTo(1L);
        assertThat(receipt.information().time()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void answersADuplicateWithTheOriginalAndStoresNothingNew() {
        IngestionReceipt first = service.ingest(EnvelopeParserTest.alert(ID), Sender.HUB);
        // Same content, different member order and whitespace.
        IngestionReceipt second = service.ingest("""
                {"body":{"severity":2,"category":"network-attack/scan","name":"port scan"},"time":"2026-11-29T08:00:00+08:00",
                 "producer":"ids-01","specVersion":"1.0","type":"alert","id":"%s"}""".formatted(ID), Sender.HUB);

        assertThat(second.created()).isFalse();
        assertThat(second.information().hub()).isEqualTo(first.information().hub());
        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesTheSameIdWithDifferentContent() {
        service.ingest(EnvelopeParserTest.alert(ID), Sender.HUB);

        assertThatThrownBy(() -> service.ingest(EnvelopeParserTest.alert(ID).replace("port scan", "brute force"), Sender.HUB))
                .isInstanceOf(ConflictingInformationException.class)
                .hasMessageContaining(ID);
        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void storesAndPublishesNothingInvalid() {
        assertThatThrownBy(() -> service.ingest("{\"type\":\"alert\"}", Sender.HUB))
                .isInstanceOf(InvalidInformationException.class);
        assertThat(repository.records).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void decidesABatchItemByItem() {
        String other = "1c9e4a2b-7d3f-4e5a-8b6c-9d0e1f2a3b4c";
        String batch = "[" + EnvelopeParserTest.alert(ID) + "," + EnvelopeParserTest.alert(ID) + ","
                + "{\"type\":\"alert\"}," + EnvelopeParserTest.alert(ID).replace("port scan", "other") + ","
                + EnvelopeParserTest.alert(other) + "]";

        BatchReceipt receipt = service.ingestBatch(batch, RejectionPolicy.REPORT, Sender.HUB);

        assertThat(receipt.items()).extracting(BatchReceipt.ItemOutcome::status)
                .containsExactly("accepted", "duplicate", "rejected", "rejected", "accepted");
        assertThat(receipt.items().get(2).violations()).extracting(Violation::pointer).contains("/id", "/body");
        assertThat(receipt.items().get(3).violations()).extracting(Violation::pointer).containsExactly("/id");
        assertThat(List.of(receipt.accepted(), receipt.duplicates(), receipt.rejected())).containsExactly(2, 1, 2);
        assertThat(repository.records).hasSize(2);
        assertThat(published).hasSize(2);
        assertThat(parked).isEmpty();
    }

    @Test
    void parksTheRejectedItemsOfAQueuedBatch() {
        BatchReceipt receipt = service.ingestBatch("[" + EnvelopeParserTest.alert(ID) + ",{\"id\":1}]", RejectionPolicy.PARK, Sender.HUB);

        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(parked).singleElement().asString().startsWith("batch item 1: ").endsWith("| {\"id\":1}");
    }

    @Test
    void refusesAProductPublishingInAnotherProductsName() {
        service.rights = rightsOf(new ProductRights("fw-01", true, Set.of("alert"), Set.of()));

        assertThatThrownBy(() -> service.ingest(EnvelopeParserTest.alert(ID), Sender.product("fw-01")))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("the producer 'ids-01' is not the authenticated product 'fw-01'");
        assertThat(repository.records).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void refusesTypesTheProductDidNotRegisterAndInactiveProducts() {
        service.rights = rightsOf(new ProductRights("ids-01", true, Set.of("asset"), Set.of()));
        assertThatThrownBy(() -> service.ingest(EnvelopeParserTest.alert(ID), Sender.product("ids-01")))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("did not register to publish alert");

        service.rights = rightsOf(new ProductRights("ids-01", false, Set.of("alert"), Set.of()));
        assertThatThrownBy(() -> service.ingest(EnvelopeParserTest.alert(ID), Sender.product("ids-01")))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("not active");
        assertThat(repository.records).isEmpty();
    }

    @Test
    void acceptsAProductPublishingAsItselfWhatItRegistered() {
        service.rights = rightsOf(new ProductRights("ids-01", true, Set.of("alert"), Set.of()));

        assertThat(service.ingest(EnvelopeParserTest.alert(ID), Sender.product("ids-01")).created()).isTrue();
    }

    @Test
    void refusesOnlyTheSpoofedItemsOfABatch() {
        service.rights = rightsOf(new ProductRights("ids-01", true, Set.of("alert"), Set.of()));
        String spoofed = EnvelopeParserTest.alert("1d4c1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77").replace("ids-01", "ids-02");

        BatchReceipt receipt = service.ingestBatch("[" + EnvelopeParserTest.alert(ID) + "," + spoofed + "]",
                RejectionPolicy.PARK, Sender.product("ids-01"));

        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(parked).singleElement().asString().startsWith("batch item 1: the producer 'ids-02' is not");
    }

    private static ProductRightsService rightsOf(ProductRights granted) {
        return new ProductRightsService() {
            @Override
            public ProductRights require(String productId) {
                if (!productId.equals(granted.productId())) {
                    throw new AccessRefusedException("product '" + productId + "' is not registered");
                }
                return granted;
            }
        };
    }

    @Test
    void refusesBatchesOverTheItemLimit() {
        IngestionService limited = new IngestionService(Parsers.PARSER, new InformationLimits(1024 * 1024, 2),
                repository, published::addAll, (payload, reason, violations) -> { }, new RecordKeeper(records, entry -> { }),
                Clock.systemUTC());
        limited.integrity = service.integrity;
        String three = "[" + String.join(",", EnvelopeParserTest.alert(ID), EnvelopeParserTest.alert(ID),
                EnvelopeParserTest.alert(ID)) + "]";

        assertThatThrownBy(() -> limited.ingestBatch(three, RejectionPolicy.REPORT, Sender.HUB))
                .isInstanceOf(InformationTooLargeException.class).hasMessageContaining("limit is 2");
        assertThat(repository.records).isEmpty();
    }

    @Test
    void tellsBatchesFromSingleEnvelopesByTheirFirstCharacter() {
        assertThat(InformationIngestion.isBatch(" \n [{}]")).isTrue();
        assertThat(InformationIngestion.isBatch("{\"a\":[1]}")).isFalse();
        assertThat(InformationIngestion.isBatch("   ")).isFalse();
        assertThat(InformationIngestion.isBatch(null)).isFalse();
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
        public void storeAll(List<InformationRecord> batch) {
            batch.forEach(this::store);
        }

        @Override
        public List<InformationRecord> findByProducerAndIds(String producer, Collection<String> envelopeIds) {
            return records.stream()
                    .filter(r -> r.producer().equals(producer) && envelopeIds.contains(r.envelopeId()))
                    .toList();
        }

        @Override
        public Optional<InformationRecord> findByHubId(String hubId) {
            return records.stream().filter(r -> r.hubId().equals(hubId)).findFirst();
        }

        @Override
        public List<InformationRecord> find(InformationCriteria criteria) {
            return records.stream().limit(criteria.limit()).toList();
        }

        @Override
        public ReceivePosition readableUpTo() {
            throw new UnsupportedOperationException("ingestion does not read by cursor");
        }
    }
}
