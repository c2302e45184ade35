/**
 * Playbooks (OASIS CACAO 2.0, the subset in {@code schemas/cacao-2.0-playbook.schema.json}): stored and
 * versioned, checked before they are stored, and run durably — every step's state is in PostgreSQL, so a
 * run continues where it was after a restart — with every step audited.
 */
package org.hutong.function.application.playbook;
