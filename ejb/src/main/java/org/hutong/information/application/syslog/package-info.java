/**
 * Syslog lines into information: {@link org.hutong.information.application.syslog.SyslogIngestion}
 * decodes, reads and maps each line (domain {@code information.domain.syslog}) and stores one
 * product's lines as one batch through the ingestion every channel shares; what cannot be taken is
 * parked as a dead letter with its reason. Products' mapping tables and the dead letters are ports
 * ({@code SyslogMappings}, {@code SyslogDeadLetters}) kept in PostgreSQL by the infrastructure.
 */
package org.hutong.information.application.syslog;
