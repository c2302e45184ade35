/** Playbook persistence (V12, JDBC over the JPA transaction's connection) and the engine thread that runs steps. */
package org.hutong.function.infrastructure.playbook;
