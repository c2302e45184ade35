package org.hutong.information.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.CodeList;

/** The information description the hub publishes: JSON Schemas and code lists. */
@Local
public interface InformationDescriptions {

    /** Names of the published schemas: {@code envelope}, the six types, {@code common}. */
    List<String> schemaNames();

    /** The JSON text of one schema. */
    Optional<String> schema(String name);

    List<CodeList> codeLists();

    Optional<CodeList> codeList(String name);
}
