package org.hutong.information.domain.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentGradingTest {

    @ParameterizedTest(name = "severity {0}, importance {1}, {2} assets → {3}")
    @CsvSource({
        "1, 0, 0, IV", "2, 3, 4, IV", "3, 0, 1, III", "4, 0, 1, II",
        "2, 4, 1, III", "3, 5, 1, II", "4, 4, 1, I",
        "3, 0, 5, II", "3, 5, 5, I", "4, 5, 9, I", "1, 5, 5, II"})
    void theMostSevereAlertSetsTheBaseAndImportantOrManyAssetsRaiseIt(int severity, int importance, int assets,
            String grade) {
        assertEquals(grade, IncidentGrading.grade(severity, importance, assets));
    }

    @ParameterizedTest
    @CsvSource({"0", "5"})
    void aSeverityOutsideTheCodeListIsABug(int severity) {
        assertThrows(IllegalArgumentException.class, () -> IncidentGrading.grade(severity, 0, 0));
    }
}
