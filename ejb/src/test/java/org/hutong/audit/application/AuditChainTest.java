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
import org.hutong.audit.domain.UnsealedEntry;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final AuditKey KEY = AuditKey.fromBase64(
            Base64.getEncoder().encodeToString("a key for tests, 32 bytes or more".getBytes(StandardCharsets.US_ASCII)));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);

    private final InMemoryAudit repository = new InMemoryAudit();
    private final AuditService service = new AuditService();

    {
        service.repository = repository;
        service.keys = keys("SHA-256");
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
    void appendsUnsealedAndTheSealerChainsEveryEntryToThePreviousOne() {
        AuditTrail trail = trail("SM3");
        trail.record(AuditEntry.success("alice", "product.register", "fw-01", null));
        trail.record(AuditEntry.success("alice", "invocation.start", "inv-1", "protect.block-ip on all"));
        trail.record(AuditEntry.refused("fw-02", "invocation.result", "req-9", "late"));

        assertThat(repository.records).isEmpty();
        assertThat(service.verify()).isEqualTo(new ChainVerification(true, 0, 3, null, null, null));
        assertThat(service.find(null, null, null, null, 0, 100)).extracting(AuditView::sealed, AuditView::number)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(false, null));

        assertThat(sealing("SM3").sealOldest(2)).isEqualTo(2);
        assertThat(sealing("SM3").sealOldest(100)).isEqualTo(1);

        assertThat(repository.entries).isEmpty();
        assertThat(repository.records).extracting(AuditRecord::number).containsExactly(1L, 2L, 3L);
        assertThat(repository.records).extracting(AuditRecord::target).extracting(t -> t.orElseThrow())
                .containsExactly("fw-01", "inv-1", "req-9");
        assertThat(repository.records.get(1).previousHash()).isEqualTo(repository.records.get(0).hash());
        assertThat(repository.records).extracting(AuditRecord::algorithm).containsOnly("HMAC-SM3");
        assertThat(service.verify()).isEqualTo(new ChainVerification(true, 3, 0, null, null, null));
    }

    @Test
    void aPageListsSealedRecordsThenTheEntriesNotYetSealed() {
        AuditTrail trail = trail("SHA-256");
        trail.record(AuditEntry.success("alice", "product.register", "fw-01", null));
        sealing("SHA-256").sealOldest(100);
        trail.record(AuditEntry.success("alice", "product.register", "fw-02", null));

        List<AuditView> page = service.find(null, null, null, null, 0, 100);

        assertThat(page).extracting(AuditView::target).containsExactly("fw-01", "fw-02");
        assertThat(page).extracting(AuditView::sealed).containsExactly(true, false);
        assertThat(page.get(0).entry()).isNotNull();
        // A full page of sealed records leaves the unsealed ones for the page after it.
        assertThat(service.find(null, null, null, null, 0, 1)).extracting(AuditView::target).containsExactly("fw-01");
    }

    @Test
    void anEntryForgedOrEditedBeforeItIsSealedIsFoundAndSealedAsTampering() throws Exception {
        AuditTrail trail = trail("SHA-256");
        trail.record(AuditEntry.success("alice", "invocation.start", "inv-1", "protect.block-ip on all"));
        trail.record(AuditEntry.success("alice", "invocation.start", "inv-2", "protect.block-ip on all"));
        UnsealedEntry original = repository.entries.get(1);
        repository.entries.set(1, new UnsealedEntry(original.entryId(), new AuditEntry("alice", "invocation.start",
                "inv-2", "success", "nothing happened here"), original.at(), original.algorithm(), original.hash()));

        ChainVerification verdict = service.verify();

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.brokenEntry()).isEqualTo(original.entryId());
        assertThat(verdict.firstBroken()).isNull();
        assertThat(verdict.reason()).contains("written or edited without the key");

        assertThat(sealing("SHA-256").sealOldest(100)).isEqualTo(2);
        assertThat(repository.records).extracting(AuditRecord::action).containsExactly("invocation.start", "audit.tampered");
        assertThat(repository.records.get(1).detail().orElseThrow()).contains("nothing happened here");
        assertThat(repository.records.get(1).target().orElseThrow()).isEqualTo("entry " + original.entryId());
        assertThat(service.verify().intact()).isTrue();
    }

    @Test
    void anotherTransactionSealingNowMeansThisOneDoesNothing() {
        trail("SHA-256").record(AuditEntry.success("alice", "product.register", "fw-01", null));
        repository.sealerBusy = true;

        assertThat(sealing("SHA-256").sealOldest(100)).isZero();
        assertThat(repository.records).isEmpty();
        assertThat(repository.entries).hasSize(1);
    }

    @Test
    void namesTheFirstRecordEditedBehindItsBack() throws Exception {
        sealed(4);
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
        sealed(4);
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
        sealed(3);
        // Someone with the database but not the key re-chains the records under a key of their own.
        AuditKeys guessed = new AuditKeys(AuditKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])),
                HashAlgorithm.SHA_256);
        InMemoryAudit forged = new InMemoryAudit();
        AuditTrail forger = new AuditTrail(forged, CLOCK, guessed);
        for (int i = 0; i < 3; i++) {
            forger.record(AuditEntry.success("alice", "invocation.start", i == 1 ? "nothing" : "inv-" + i, null));
        }
        new AuditSealing(forged, guessed, CLOCK).sealOldest(100);
        service.repository = forged;

        ChainVerification verdict = service.verify();

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBroken()).isEqualTo(1L);
        assertThat(verdict.reason()).contains("under the audit key");
    }

    @Test
    void recordsWithAPlainHashAreNotSealed() throws Exception {
        sealed(1);
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

    private void sealed(int count) {
        AuditTrail trail = trail("SHA-256");
        for (int i = 0; i < count; i++) {
            trail.record(AuditEntry.success("alice", "invocation.start", "inv-" + i, null));
        }
        sealing("SHA-256").sealOldest(100);
    }

    private AuditTrail trail(String algorithm) {
        return new AuditTrail(repository, CLOCK, keys(algorithm));
    }

    private AuditSealing sealing(String algorithm) {
        return new AuditSealing(repository, keys(algorithm), CLOCK);
    }

    private static AuditKeys keys(String algorithm) {
        return new AuditKeys(KEY, HashAlgorithm.fromLabel(algorithm).orElseThrow());
    }

    /** The trail in lists, with a head as the database keeps it. */
    static final class InMemoryAudit implements AuditRepository {

        final List<UnsealedEntry> entries = new ArrayList<>();
        final List<AuditRecord> records = new ArrayList<>();
        boolean sealerBusy;
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
        public void appendUnsealed(UnsealedEntry entry) {
            entries.add(entry);
        }

        @Override
        public boolean claimSealing() {
            return !sealerBusy;
        }

        @Override
        public List<Positioned> unsealed(long after, int limit) {
            List<Positioned> positioned = new ArrayList<>();
            for (int i = (int) after; i < entries.size() && positioned.size() < limit; i++) {
                positioned.add(new Positioned(i + 1, entries.get(i)));
            }
            return positioned;
        }

        @Override
        public List<UnsealedEntry> unsealed(String actor, String action, Instant since, Instant until, int limit) {
            return entries.stream().limit(limit).toList();
        }

        @Override
        public void seal(List<AuditRecord> sealedRecords, List<UnsealedEntry> sealed) {
            records.addAll(sealedRecords);
            entries.removeAll(sealed);
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
        public List<AuditRecord> find(String actor, String action, Instant since, Instant until, long after, int limit) {
            return records.stream().filter(r -> r.number() > after).limit(limit).toList();
        }
    }
}
