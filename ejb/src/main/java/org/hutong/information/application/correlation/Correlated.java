package org.hutong.information.application.correlation;

/**
 * What correlating one alert did.
 *
 * @param incidentId the record id of the incident it joined or opened
 * @param opened whether it opened that incident
 * @param publishedId the hub id of the incident information published for it
 */
public record Correlated(String incidentId, boolean opened, String publishedId) {
}
