/** The audit interface: {@code /api/v1/audit} and {@code /api/v1/audit/verify}. */
package org.hutong.audit.interfaces.rest;
