/** The OpenC2 HTTPS transfer endpoint, {@code /.well-known/openc2}. */
package org.hutong.function.interfaces.openc2;
