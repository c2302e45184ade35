package org.hutong.shared;

/** {@link ContextRules} over the jms module's consumers, with the ejb module they use. */
class ArchitectureTest extends ContextRules {
}
