package org.hutong.information.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where received information is kept. */
public interface InformationRepository {

    /** Stores a new record and assigns its receive sequence before returning. */
    void store(InformationRecord record);

    Optional<InformationRecord> findByHubId(String hubId);

    /** The records a producer stored under any of {@code envelopeIds}. */
    List<InformationRecord> findByProducerAndIds(String producer, Collection<String> envelopeIds);

    /** Stores new records in order and assigns their receive sequences before returning. */
    void storeAll(List<InformationRecord> records);

    /**
     * Records matching {@code criteria}, in commit order, only as far as every write has ended: a page
     * never runs ahead of a transaction, on any server, that commits later.
     */
    List<InformationRecord> find(InformationCriteria criteria);

    /** The position of the last record a reader may go past now ({@link ReceivePosition#START} when none). */
    ReceivePosition readableUpTo();
}
