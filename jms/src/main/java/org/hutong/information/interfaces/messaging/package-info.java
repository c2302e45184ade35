/**
 * Inbound JMS for information: products send envelopes as JSON {@code TextMessage}s to
 * {@code hutong.information.ingress}. Messages that can never be ingested are parked on
 * {@code hutong.information.dlq} with the reason; failures of the hub itself roll back so
 * the broker redelivers and finally dead-letters to {@code DLQ}.
 */
package org.hutong.information.interfaces.messaging;
