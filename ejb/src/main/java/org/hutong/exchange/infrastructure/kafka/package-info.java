/**
 * Kafka clients of the hub (GB/T 44886's Kafka data interface): their shared connection settings and
 * the relay that publishes distributed information to Kafka topics from the database's outbox.
 */
package org.hutong.exchange.infrastructure.kafka;
