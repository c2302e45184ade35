/**
 * The HTTP authentication mechanism of the function interfaces: client certificates and OAuth2
 * tokens for products, directory passwords and OpenID Connect tokens for people.
 */
package org.hutong.security.interfaces;
