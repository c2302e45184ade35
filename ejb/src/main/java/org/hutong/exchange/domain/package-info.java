/** What the hub sends to the broker, independent of how it gets there. */
package org.hutong.exchange.domain;
