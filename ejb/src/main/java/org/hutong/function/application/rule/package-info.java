/**
 * Linkage rules at work: reading and storing rule documents (every version kept), the engine step that
 * reads newly stored information in receive order and decides, for each rule it matches, whether the
 * rule acts (de-duplication window, rate, never on the information's own producer unless the rule says
 * so), and the invocations and firing records that follow, all in one transaction with the engine's
 * position.
 */
package org.hutong.function.application.rule;
