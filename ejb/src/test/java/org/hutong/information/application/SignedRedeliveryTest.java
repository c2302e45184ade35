package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.application.AuditView;
import org.hutong.audit.application.ChainVerification;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.information.domain.InformationRecord;
import org.hutong.security.application.EnvelopeIntegrity;
import org.hutong.security.domain.DetachedJws;
import org.hutong.security.domain.DirectoryEntry;
import org.hutong.security.domain.PublicKeys;
import org.hutong.security.domain.SigningPolicy;
import org.hutong.security.domain.TestKeys;
import org.hutong.shared.domain.Sender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed envelope seen again: the broker's redelivery of a message whose store outlived its
 * acknowledgement (a crash between the database commit and the ack) is a duplicate; the same
 * message sent again is a replay. Each step starts with a fresh signature check, as a restarted
 * server does (its replay window remembers nothing).
 */
class SignedRedeliveryTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final KeyPair SM2 = TestKeys.sm2();
    private static final String ID = "5d0c8e52-7f6a-4f4e-9a1b-2b7c1e6d3f10";

    private final IngestionServiceTest.InMemoryRepository repository = new IngestionServiceTest.InMemoryRepository();
    private final List<InformationRecord> published = new ArrayList<>();
    private final List<String> parked = new ArrayList<>();
    private final IngestionService service = new IngestionService(Parsers.PARSER, InformationLimits.DEFAULTS, repository,
            published::addAll, (payload, reason, violations) -> parked.add(reason),
            new RecordKeeper(new InMemoryRecords(), entry -> { }), Clock.fixed(NOW, ZoneOffset.UTC));

    /** The message as the product sent it once (an SM2 signature differs each time it is made). */
    private String sent;

    @BeforeEach
    void storeTheFirstDelivery() throws Exception {
        restart();
        service.audit = new NoSecurityEvents();
        sent = signed("port scan");
        service.ingestReceived(List.of(message(sent)));
        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
        restart();
    }

    @Test
    void theBrokersRedeliveryOfAStoredSignedEnvelopeIsADuplicate() throws Exception {
        service.ingestReceived(List.of(message(sent).redelivery()));

        assertThat(parked).isEmpty();
        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void theSameSignedEnvelopeSentAgainIsParkedAsAReplay() throws Exception {
        service.ingestReceived(List.of(message(sent)));

        assertThat(parked).singleElement().asString().contains("a replay");
        assertThat(repository.records).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void aRedeliveryWithOtherContentUnderTheSameIdIsStillAConflict() throws Exception {
        service.ingestReceived(List.of(message(signed("nothing to see")).redelivery()));

        assertThat(parked).singleElement().asString().contains("already sent information");
        assertThat(repository.records).hasSize(1);
    }

    @Test
    void aRedeliveredBatchMessageIsJudgedTheSameWay() throws Exception {
        service.ingestReceived(List.of(message("[" + sent + "]").redelivery()));

        assertThat(parked).isEmpty();
        assertThat(published).hasSize(1);
    }

    /** A restarted server: the signing policy read afresh, no envelope in the replay window. */
    private void restart() {
        DirectoryEntry ids = new DirectoryEntry("ids-01", DirectoryEntry.ACTIVE, List.of("alert"), List.of(),
                Optional.of(new SigningPolicy("SM2", PublicKeys.pem(SM2.getPublic()), true)));
        service.integrity = new EnvelopeIntegrity(id -> "ids-01".equals(id) ? Optional.of(ids) : Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    }

    private static ReceivedMessage message(String payload) {
        return ReceivedMessage.readable(payload, Sender.HUB, "hutong");
    }

    private static String signed(String name) throws Exception {
        String envelope = """
                {"id":"%s","type":"alert","specVersion":"1.0","producer":"ids-01","time":"%s",
                 "body":{"name":"%s","category":"network-attack/scan","severity":3}}""".formatted(ID, NOW, name);
        String signature = DetachedJws.sign(EnvelopeIntegrity.signingInput(envelope), DetachedJws.Algorithm.SM2,
                "ids-01", SM2.getPrivate());
        return envelope.substring(0, envelope.lastIndexOf('}')) + ",\"signature\":\"" + signature + "\"}";
    }


    /** The hub's own sender is never refused: nothing here is a security event. */
    private static final class NoSecurityEvents implements AuditLog {

        @Override
        public List<AuditView> find(String actor, String action, Instant since, Instant until, long after, int limit) {
            throw new AssertionError("not read here");
        }

        @Override
        public ChainVerification verify() {
            throw new AssertionError("not read here");
        }

        @Override
        public void recordSecurityEvent(AuditEntry entry) {
            throw new AssertionError("no security event expected: " + entry);
        }
    }
}
