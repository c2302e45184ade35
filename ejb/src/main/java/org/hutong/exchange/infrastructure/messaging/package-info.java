/** The outbox relay: moves committed messages to the broker in order, with duplicate detection. */
package org.hutong.exchange.infrastructure.messaging;
