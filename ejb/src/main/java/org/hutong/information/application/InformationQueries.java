package org.hutong.information.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.ReceivePosition;

/** Reading the information the hub has accepted. */
@Local
public interface InformationQueries {

    Optional<InformationView> byHubId(String hubId);

    /** Matching information in commit order. */
    List<InformationView> find(InformationCriteria criteria);

    /** The same, each item already written as JSON: for serving pages. */
    List<InformationText> findText(InformationCriteria criteria);

    /** The last position a cursor may move past now: nothing at or before it is still being written. */
    ReceivePosition readableUpTo();
}
