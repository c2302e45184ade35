/**
 * Verifiers behind the authentication mechanism: JWT access tokens against the issuer's keys,
 * passwords against the server's user registry.
 */
package org.hutong.security.infrastructure;
