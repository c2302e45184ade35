/** Inbound JMS of the function context: results products report on {@code hutong.function.results}. */
package org.hutong.function.interfaces.messaging;
