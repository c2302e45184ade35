/** The identity of whoever sent a message to the hub's queues, as the broker authenticated it. */
package org.hutong.security.interfaces.messaging;
