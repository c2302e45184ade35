package org.hutong.information.application;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.CodeList;

@Singleton
@Lock(LockType.READ)
public class DescriptionService implements InformationDescriptions {

    @Inject
    DescriptionCatalog catalog;

    @Override
    public List<String> schemaNames() {
        return DescriptionCatalog.SCHEMAS;
    }

    @Override
    public Optional<String> schema(String name) {
        return catalog.schema(name);
    }

    @Override
    public List<CodeList> codeLists() {
        return catalog.codeLists();
    }

    @Override
    public Optional<CodeList> codeList(String name) {
        return catalog.codeList(name);
    }
}
