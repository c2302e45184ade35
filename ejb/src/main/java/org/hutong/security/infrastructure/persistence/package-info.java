/**
 * Security state every server shares through PostgreSQL: failed password logins per user name.
 */
package org.hutong.security.infrastructure.persistence;
