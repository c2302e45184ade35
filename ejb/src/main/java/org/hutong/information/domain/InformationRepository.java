package org.hutong.information.domain;

import java.util.List;
import java.util.Optional;

/** Where received information is kept. */
public interface InformationRepository {

    /** Stores a new record and assigns its receive sequence before returning. */
    void store(InformationRecord record);

    Optional<InformationRecord> findByHubId(String hubId);

    Optional<InformationRecord> findByProducerAndId(String producer, String envelopeId);

    /** Records matching {@code criteria}, in receive order. */
    List<InformationRecord> find(InformationCriteria criteria);
}
