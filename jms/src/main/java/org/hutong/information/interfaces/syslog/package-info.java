/**
 * The Syslog data interface: {@code SyslogReceiver} listens for RFC 5425 (TLS, client certificates),
 * RFC 6587 (TCP, octet counting or LF framing) and RFC 5426 (UDP); each connection is framed
 * ({@code SyslogFraming}), its sender identified by {@code security.interfaces.syslog.SyslogPeers}
 * before a byte is read, and its lines stored in batches through the application's
 * {@code SyslogIngestion}. Thin: no parsing or mapping happens here.
 */
package org.hutong.information.interfaces.syslog;
