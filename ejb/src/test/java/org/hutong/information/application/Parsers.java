package org.hutong.information.application;

/** One parser over the shipped description, shared by the tests (building it loads every schema). */
public final class Parsers {

    static final DescriptionCatalog CATALOG = DescriptionCatalog.load(Parsers.class.getClassLoader());
    public static final EnvelopeParser PARSER = new EnvelopeParser(CATALOG, InformationLimits.DEFAULTS.maxEnvelopeBytes());

    private Parsers() {
    }
}
