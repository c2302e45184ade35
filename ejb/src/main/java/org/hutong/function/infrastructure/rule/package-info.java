/** The rule engine's thread and the PostgreSQL tables of linkage rules, firings and the engine's position. */
package org.hutong.function.infrastructure.rule;
