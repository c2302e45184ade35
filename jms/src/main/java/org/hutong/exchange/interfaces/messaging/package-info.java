/**
 * What every inbound queue shares, whatever the protocol a product sent with: how a JSON document is
 * read from a JMS message (text from JMS, AMQP and STOMP clients; UTF-8 bytes from MQTT and STOMP
 * frames with a content length).
 */
package org.hutong.exchange.interfaces.messaging;
