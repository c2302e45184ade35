/**
 * Security mechanisms of the function interfaces: identities of people and products,
 * authorisation, message integrity and replay protection.
 */
package org.hutong.security;
