package org.hutong.information.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationRepository;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InformationQueryService implements InformationQueries {

    @Inject
    InformationRepository repository;

    @Override
    public Optional<InformationView> byHubId(String hubId) {
        return repository.findByHubId(hubId).map(InformationView::of);
    }

    @Override
    public List<InformationView> find(InformationCriteria criteria) {
        return repository.find(criteria).stream().map(InformationView::of).toList();
    }

    @Override
    public List<InformationText> findText(InformationCriteria criteria) {
        return repository.find(criteria).stream().map(InformationText::of).toList();
    }
}
