/**
 * Who sends syslog: a verified client certificate over TLS, or an administrator's binding of a source
 * address to a product over TCP and UDP ({@code hutong.syslog.sources}); never the line's own words.
 */
package org.hutong.security.interfaces.syslog;
