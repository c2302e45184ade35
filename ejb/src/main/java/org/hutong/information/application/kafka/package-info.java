/**
 * Information consumed from Kafka (GB/T 44886's Kafka data interface): stored through the shared
 * ingestion together with the consumer's position, for exactly-once intake from a topic.
 */
package org.hutong.information.application.kafka;
