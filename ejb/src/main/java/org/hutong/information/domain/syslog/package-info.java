/**
 * Information that arrives as syslog lines: the two headers products write (RFC 5424, RFC 3164), the
 * two event formats inside them (ArcSight CEF, QRadar LEEF 1.0/2.0), and their translation into alert
 * and behaviour bodies by a product's mapping table. Pure functions over text: the receiver (framing,
 * TLS, who is talking) lives in the interfaces of the jms module, storing in the application layer.
 */
package org.hutong.information.domain.syslog;
