/**
 * Correlating alerts into incidents: the service the rule engine calls for a rule whose action is
 * {@code correlate}, its storage port, and the links between alerts and incidents.
 */
package org.hutong.information.application.correlation;
