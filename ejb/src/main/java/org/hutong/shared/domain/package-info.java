/**
 * The shared kernel every context speaks: who sent something ({@link org.hutong.shared.domain.Sender}),
 * what is wrong with it ({@link org.hutong.shared.domain.Violation}), a refusal of access, the roles,
 * and canonical JSON (RFC 8785). It depends on no context.
 */
package org.hutong.shared.domain;
