/**
 * Stateful information records: assets, vulnerabilities and incidents have a current state the
 * hub keeps up to date as information about them arrives, and a history of every change. Each
 * envelope stays stored as received ({@code information_item}); these records are derived from
 * them in the same transaction. Alerts, behaviour and threats are append-only and have none.
 */
package org.hutong.information.domain.state;
