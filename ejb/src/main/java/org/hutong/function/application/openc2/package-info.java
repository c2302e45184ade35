/**
 * OpenC2 (OASIS OpenC2 Language Specification 1.0, HTTPS transfer) on top of the function
 * catalog: commands of the stateless packet filtering (SLPF) and endpoint response (ER) profiles
 * are validated against schemas written from the specifications, translated into catalog
 * invocations, and answered with OpenC2 responses; {@code query features} is answered from the
 * registry.
 */
package org.hutong.function.application.openc2;
