/** The publication outbox in PostgreSQL: written with the business rows, read and emptied by the relay. */
package org.hutong.exchange.infrastructure.persistence;
