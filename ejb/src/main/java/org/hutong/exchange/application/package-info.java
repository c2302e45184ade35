/** Ports through which the other contexts publish to the broker. */
package org.hutong.exchange.application;
