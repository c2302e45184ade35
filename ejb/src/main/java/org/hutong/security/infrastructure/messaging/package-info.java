/** Products' accounts and permissions on the message broker, kept through its management address. */
package org.hutong.security.infrastructure.messaging;
