package org.hutong.shared;

/** {@link ContextRules} over the web module's resources, filters and mechanisms, with the ejb module they use. */
class ArchitectureTest extends ContextRules {
}
