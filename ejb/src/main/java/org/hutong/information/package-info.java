/**
 * Interoperability information (GB/T 44886.1 互联互通信息): the six types — behaviour, alert,
 * asset, vulnerability, threat, incident — carried in one envelope whatever the channel.
 *
 * <p>{@code domain} holds the envelope, the stored record and its repository port;
 * {@code application} holds ingestion (one service behind every channel, idempotent on
 * producer and id) and queries; {@code infrastructure} holds JPA persistence and the JMS
 * publisher that distributes accepted information on {@code hutong.information.<type>}.
 */
package org.hutong.information;
