package org.hutong.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build: layers point inwards inside each bounded context,
 * the shared kernel and the audit and exchange contexts depend on no other context, and no new
 * dependency cycle between contexts appears (the cycles that existed when the rule came are frozen in
 * {@code src/test/resources/archunit-store}: fixing one shrinks the store, adding one fails the build).
 */
class ArchitectureTest {

    private static final JavaClasses HUTONG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hutong");

    private static final String[] CONTEXTS = {"information", "function", "registry", "exchange", "security", "audit"};

    @Test
    void theDomainDependsOnNoApplicationInfrastructureOrInterface() {
        noClasses().that().resideInAPackage("org.hutong..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hutong..application..",
                        "org.hutong..infrastructure..", "org.hutong..interfaces..")
                .check(HUTONG);
    }

    @Test
    void applicationServicesDependOnNoInfrastructureOrInterface() {
        noClasses().that().resideInAPackage("org.hutong..application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hutong..infrastructure..",
                        "org.hutong..interfaces..")
                .check(HUTONG);
    }

    @Test
    void infrastructureDependsOnNoInterface() {
        noClasses().that().resideInAPackage("org.hutong..infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("org.hutong..interfaces..")
                .check(HUTONG);
    }

    @Test
    void theSharedKernelDependsOnNoContext() {
        noClasses().that().resideInAPackage("org.hutong.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(contexts(CONTEXTS))
                .check(HUTONG);
    }

    @Test
    void theAuditTrailDependsOnlyOnTheSharedKernel() {
        noClasses().that().resideInAPackage("org.hutong.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(contexts(
                        "information", "function", "registry", "exchange", "security"))
                .check(HUTONG);
    }

    @Test
    void theMessagingPlumbingDependsOnNoBusinessContext() {
        ArchRule rule = noClasses().that().resideInAPackage("org.hutong.exchange..")
                .and().resideOutsideOfPackage("org.hutong.exchange.interfaces..")
                .should().dependOnClassesThat().resideInAnyPackage(contexts(
                        "information", "function", "registry", "security", "audit"));
        rule.check(HUTONG);
    }

    @Test
    void noNewCycleBetweenContexts() {
        FreezingArchRule.freeze(slices().matching("org.hutong.(*)..").should().beFreeOfCycles()).check(HUTONG);
    }

    private static String[] contexts(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = "org.hutong." + names[i] + "..";
        }
        return packages;
    }
}
