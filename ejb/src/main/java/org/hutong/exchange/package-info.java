/**
 * The exchange infrastructure shared by functions and information: the broker destinations,
 * the transports (REST, JMS, AMQP, MQTT, STOMP) and their health.
 */
package org.hutong.exchange;
