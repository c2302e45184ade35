/**
 * Incident correlation: alerts a linkage rule groups by a key within a window become one incident the
 * hub reports itself, with a GB/T 20986 category and a grade worked out from the alerts and the assets
 * they hit ({@link org.hutong.information.domain.correlation.IncidentGrading}).
 */
package org.hutong.information.domain.correlation;
