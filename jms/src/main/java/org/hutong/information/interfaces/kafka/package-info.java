/** The Kafka data interface, inbound: {@code KafkaIngress} consumes the topics bound to products. */
package org.hutong.information.interfaces.kafka;
