package org.hutong.information.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.InformationCriteria;

/** Reading the information the hub has accepted. */
@Local
public interface InformationQueries {

    Optional<InformationView> byHubId(String hubId);

    /** Matching information in receive order. */
    List<InformationView> find(InformationCriteria criteria);

    /** The same, each item already written as JSON: for serving pages. */
    List<InformationText> findText(InformationCriteria criteria);

    /** The highest receive sequence a cursor may move past now: nothing at or below it is still being written. */
    long readableUpTo();
}
