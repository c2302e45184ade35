package org.hutong.information.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationRepository;
import org.hutong.information.domain.ReceivePosition;
import org.hutong.shared.domain.InformationType;
import org.hutong.security.application.ProductRightsService;
import org.hutong.shared.domain.Roles;

/**
 * Reads information back. The right to read is decided here, from the container's caller: a product
 * (and nothing more) reads the types it subscribed to and its own information; people with a
 * reading role read everything.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.PRODUCT})
public class InformationQueryService implements InformationQueries {

    @Inject
    InformationRepository repository;

    @Inject
    ProductRightsService rights;

    @Resource
    SessionContext session;

    @Override
    public Optional<InformationView> byHubId(String hubId) {
        Optional<InformationView> found = repository.findByHubId(hubId).map(InformationView::of);
        found.ifPresent(view -> checkRead(Optional.of(view.type()), Optional.of(view.producer())));
        return found;
    }

    @Override
    public List<InformationView> find(InformationCriteria criteria) {
        checkRead(criteria);
        return repository.find(criteria).stream().map(InformationView::of).toList();
    }

    @Override
    public List<InformationText> findText(InformationCriteria criteria) {
        checkRead(criteria);
        return repository.find(criteria).stream().map(InformationText::of).toList();
    }

    @Override
    public ReceivePosition readableUpTo() {
        return repository.readableUpTo();
    }

    private void checkRead(InformationCriteria criteria) {
        checkRead(criteria.type().map(InformationType::wireName), criteria.producer());
    }

    private void checkRead(Optional<String> type, Optional<String> producer) {
        boolean onlyProduct = session.isCallerInRole(Roles.PRODUCT) && !session.isCallerInRole(Roles.ADMIN)
                && !session.isCallerInRole(Roles.OPERATOR) && !session.isCallerInRole(Roles.AUDITOR);
        if (onlyProduct) {
            rights.checkRead(session.getCallerPrincipal().getName(), type, producer);
        }
    }
}
