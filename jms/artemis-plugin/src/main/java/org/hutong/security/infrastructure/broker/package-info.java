/**
 * Code that runs inside the Artemis broker rather than in the hub: the broker, not the client,
 * says who sent each message.
 */
package org.hutong.security.infrastructure.broker;
