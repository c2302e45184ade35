/**
 * The shared kernel: what every bounded context uses and none owns — the database schema
 * migration that runs at start-up and the clock.
 */
package org.hutong.shared;
