package org.hutong.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditHead;
import org.hutong.audit.domain.AuditKey;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;
import org.hutong.audit.domain.HashAlgorithm;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final AuditKeys KEYS = new AuditKeys(AuditKey.fromBase64(
            Base64.getEncoder().encodeToString("a key for tests, 32 bytes or more".getBytes(StandardCharsets.US_ASCII))));

    private final InMemoryAudit repository = new InMemoryAudit();
    private final AuditService service = new AuditService();

    {
        service.repository = repository;
        service.keys = KEYS;
    }

    @Test
    void sm3IsTheStandardsDigest() {
        // GB/T 32905-2016, example 1.
        assertThat(HashAlgorithm.SM3.hex("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(HashAlgorithm.SHA_256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void chainsEveryRecordToThePreviousOne() {
        AuditTrail trail = trail("SM3");
        trail.record(AuditEntry.success("alice", "product.register", "fw-01", null));
        trail.record(AuditEntry.success("alice", "invocation.start", "inv-1", "protect.block-ip on all"));
        trail.record(AuditEntry.refused("fw-02", "invocation.result", "req-9", "late"));

        assertThat(repository.records).extracting(AuditRecord::number).containsExactly(1L, 2L, 3L);
        assertThat(repository.records.get(1).previousHash()).isEqualTo(repository.records.get(0).hash());
        assertThat(repository.records).extracting(AuditRecord::algorithm).containsOnly("HMAC-SM3");
        assertThat(service.verify()).isEqualTo(new ChainVerification(true, 3, null, null));
    }

    @Test
    void namesTheFirstRecordEditedBehindItsBack() throws Exception {
        AuditTrail trail = trail("SHA-256");
        for (int i = 0; i < 4; i++) {
            trail.record(AuditEntry.success("alice", "invocation.start", "inv-" + i, null));
        }
        Field detail = AuditRecord.class.getDeclaredField("detail");
        detail.setAccessible(true);
        detail.set(repository.records.get(2), "nothing happened here");

        ChainVerification verdict = service.verify();

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBroken()).isEqualTo(3L);
        assertThat(verdict.reason()).contains("content");
    }

    @Test
    void noticesADeletedRecordAndACutTail() {
        AuditTrail trail = trail("SHA-256");
        for (int i = 0; i < 4; i++) {
            trail.record(AuditEntry.success("alice", "invocation.start", "inv-" + i, null));
        }
        repository.records.remove(1);
        assertThat(service.verify().firstBroken()).isEqualTo(2L);

        repository.records.clear();
        assertThat(service.verify()).satisfies(verdict -> {
            assertThat(verdict.intact()).isFalse();
            assertThat(verdict.reason()).contains("head says 4");
        });
    }

    @Test
    void aChainRecomputedWithoutTheKeyDoesNotVerify() throws Exception {
        AuditTrail trail = trail("SHA-256");
        for (int i = 0; i < 3; i++) {
            trail.record(AuditEntry.success("alice", "invocation.start", "inv-" + i, null));
        }
        // Someone with the database but not the key re-chains the records under a key of their own.
        AuditKeys guessed = new AuditKeys(AuditKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));
        InMemoryAudit forged = new InMemoryAudit();
        AuditTrail forger = new AuditTrail(forged, Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC),
                "SHA-256", guessed);
        for (int i = 0; i < 3; i++) {
            forger.record(AuditEntry.success("alice", "invocation.start", i == 1 ? "nothing" : "inv-" + i, null));
        }
        service.repository = forged;

        ChainVerification verdict = service.verify();

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBroken()).isEqualTo(1L);
        assertThat(verdict.reason()).contains("under the audit key");
    }

    @Test
    void recordsWithAPlainHashAreNotSealed() throws Exception {
        AuditTrail trail = trail("SHA-256");
        trail.record(AuditEntry.success("alice", "invocation.start", "inv-1", null));
        Field algorithm = AuditRecord.class.getDeclaredField("algorithm");
        algorithm.setAccessible(true);
        algorithm.set(repository.records.get(0), "SHA-256");

        assertThat(service.verify().reason()).contains("not sealed with the audit key");
    }

    @Test
    void refusesAShortOrUnreadableKey() {
        assertThatThrownBy(() -> AuditKey.fromBase64("c2hvcnQ=")).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> AuditKey.fromBase64("not base64!")).hasMessageContaining("not base64");
    }

    private AuditTrail trail(String algorithm) {
        return new AuditTrail(repository, Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC), algorithm,
                KEYS);
    }

    /** The trail in a list, with a head as the database keeps it. */
    static final class InMemoryAudit implements AuditRepository {

        final List<AuditRecord> records = new ArrayList<>();
        private final AuditHead head;

        InMemoryAudit() {
            try {
                Constructor<AuditHead> constructor = AuditHead.class.getDeclaredConstructor();
                constructor.setAccessible(true);
                head = constructor.newInstance();
                Field hash = AuditHead.class.getDeclaredField("lastHash");
                hash.setAccessible(true);
                hash.set(head, AuditRecord.GENESIS);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public AuditHead lockHead() {
            return head;
        }

        @Override
        public AuditHead head() {
            return head;
        }

        @Override
        public void append(AuditRecord record) {
            records.add(record);
        }

        @Override
        public List<AuditRecord> find(String actor, String action, Instant since, Instant until, long after, int limit) {
            return records.stream().filter(r -> r.number() > after).limit(limit).toList();
        }
    }
}
