package org.hutong.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build: layers point inwards inside each bounded context,
 * the shared kernel and the audit and exchange contexts depend on no other context, and contexts use
 * each other only as {@link #MAY_USE} says, and no dependency cycle joins contexts. Each module's
 * {@code ArchitectureTest} runs these rules over its own classes together with those it builds on (the
 * web and jms modules see the ejb module's), so that an edge added in any module fails its build.
 */
public abstract class ContextRules {

    private static final JavaClasses HUTONG = new ClassFileImporter()
            .withImportOption(ContextRules::isMainCode)
            .importPackages("org.hutong");

    /** Main classes only: test classes of this module and the ejb module's test jar left out. */
    private static boolean isMainCode(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }

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

    /**
     * Which context may use which, one way: the kernel, audit and exchange use none; security uses
     * only the kernel and audit (it reads products through its own {@code ProductDirectory}, which the
     * registry implements, and checks any {@code SignedEnvelope}); the registry sits above security (it
     * learns which functions exist through its own {@code KnownFunctions}, which the function context
     * supplies); information above the registry; function on top. A new edge fails the build.
     */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "shared", Set.of(),
            "audit", Set.of("shared"),
            "exchange", Set.of("shared"),
            "security", Set.of("shared", "audit"),
            "registry", Set.of("shared", "audit", "exchange", "security", "information"),
            "information", Set.of("shared", "audit", "exchange", "security", "registry"),
            "function", Set.of("shared", "audit", "exchange", "security", "registry", "information"));

    @Test
    void contextsUseOnlyTheContextsTheyMay() {
        Map<String, Set<String>> uses = uses();
        uses.forEach((from, targets) -> assertThat(MAY_USE).as("context %s", from).containsKey(from));
        uses.forEach((from, targets) -> assertThat(MAY_USE.get(from)).as("what %s uses", from).containsAll(targets));
    }

    /**
     * Other contexts reach the registry's products through its application interfaces ({@code Providers},
     * {@code ProductRegistry}) and copies ({@code Provider}, {@code ProductView}): none holds, changes or
     * queries its entity or repository.
     */
    @Test
    void theRegistrysEntityAndRepositoryStayInsideIt() {
        noClasses().that().resideOutsideOfPackage("org.hutong.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hutong.registry.domain..",
                        "org.hutong.registry.infrastructure..")
                .check(HUTONG);
    }

    @Test
    void noCycleBetweenContexts() {
        slices().matching("org.hutong.(*)..").should().beFreeOfCycles().check(HUTONG);
    }

    /** Context to the other contexts its classes use. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass type : HUTONG) {
            String from = context(type.getPackageName());
            type.getDirectDependenciesFromSelf().forEach(dependency -> {
                String to = context(dependency.getTargetClass().getPackageName());
                if (from != null && to != null && !from.equals(to)) {
                    uses.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
                }
            });
        }
        return uses;
    }

    /** The bounded context of a package under org.hutong, or null outside it. */
    private static String context(String packageName) {
        if (!packageName.startsWith("org.hutong.")) {
            return null;
        }
        String rest = packageName.substring("org.hutong.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String[] contexts(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = "org.hutong." + names[i] + "..";
        }
        return packages;
    }
}
