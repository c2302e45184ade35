package org.hutong.shared;

/** {@link ContextRules} over the ejb module: every domain, application and persistence class. */
class ArchitectureTest extends ContextRules {
}
