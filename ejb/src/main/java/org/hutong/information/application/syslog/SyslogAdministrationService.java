package org.hutong.information.application.syslog;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.information.application.DescriptionCatalog;
import org.hutong.information.domain.CodeList;
import org.hutong.security.application.ProductRightsService;
import org.hutong.shared.domain.Roles;

/** Mapping tables are the administrators'; dead letters are read by every role that reads information. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class SyslogAdministrationService implements SyslogAdministration {

    @Inject
    SyslogMappings mappings;

    @Inject
    SyslogDeadLetters deadLetters;

    @Inject
    ProductRightsService products;

    @Inject
    DescriptionCatalog descriptions;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext session;

    @Override
    public Optional<SyslogMapping> mapping(String productId) {
        if (products.rights(productId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mappings.find(productId).orElse(SyslogMapping.DEFAULT));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Optional<SyslogMapping> replaceMapping(String productId, String document) {
        if (products.rights(productId).isEmpty()) {
            return Optional.empty();
        }
        CodeList categories = descriptions.required(CodeList.INCIDENT_CATEGORY);
        SyslogMapping mapping = SyslogMapping.read(document, categories::contains);
        mappings.save(productId, mapping, actor());
        audit.record(AuditEntry.success(actor(), "syslog.mapping.replace", productId,
                mapping.events().categories().size() + " categories, " + mapping.events().actions().size() + " actions"));
        return Optional.of(mapping);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public boolean deleteMapping(String productId) {
        boolean deleted = mappings.delete(productId);
        if (deleted) {
            audit.record(AuditEntry.success(actor(), "syslog.mapping.delete", productId, null));
        }
        return deleted;
    }

    @Override
    public List<DeadLetter> deadLetters(Optional<String> productId, long after, int limit) {
        return deadLetters.page(productId, after, limit);
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
