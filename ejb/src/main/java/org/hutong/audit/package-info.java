/**
 * The audit trail: an append-only record of every call and change, for auditors.
 */
package org.hutong.audit;
