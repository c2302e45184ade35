package org.hutong.information.domain.correlation;

/**
 * The grade (GB/T 20986: I 特别重大, II 重大, III 较大, IV 一般) of an incident the hub correlated, from
 * what its alerts say. The README ("Incident correlation") states the same rules:
 * <ol>
 * <li>the most severe alert sets the base: severity 4 (严重) → II, 3 (高) → III, 1 or 2 → IV;</li>
 * <li>one grade up when an affected asset has importance 4 or 5 (an asset the owner marked important);</li>
 * <li>one grade up when the incident affects {@value #WIDESPREAD} or more assets;</li>
 * <li>never above I. As alerts join, the inputs only grow, so the grade only rises.</li>
 * </ol>
 */
public final class IncidentGrading {

    /** Affected assets from which an incident counts as widespread. */
    public static final int WIDESPREAD = 5;
    private static final String[] GRADES = {"I", "II", "III", "IV"};

    private IncidentGrading() {
    }

    /**
     * @param maxSeverity the highest alert severity, 1 to 4
     * @param maxImportance the highest importance of an affected asset, 0 when none is known
     * @param affectedAssets how many assets the incident affects
     */
    public static String grade(int maxSeverity, int maxImportance, int affectedAssets) {
        if (maxSeverity < 1 || maxSeverity > 4) {
            throw new IllegalArgumentException("an alert severity is 1 to 4, not " + maxSeverity);
        }
        int level = switch (maxSeverity) {
            case 4 -> 1;
            case 3 -> 2;
            default -> 3;
        };
        if (maxImportance >= 4) {
            level--;
        }
        if (affectedAssets >= WIDESPREAD) {
            level--;
        }
        return GRADES[Math.max(0, level)];
    }
}
