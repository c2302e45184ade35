/**
 * MicroProfile Health readiness checks: {@code database} and {@code broker}. {@code /health}
 * is UP only when both answer.
 */
package org.hutong.exchange.interfaces.health;
