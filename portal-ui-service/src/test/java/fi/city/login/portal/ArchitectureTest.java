package fi.city.login.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the portal (docs/architecture.md): a package per flow (its pages, templates and views) over
 * building blocks that every page shares; flows never import each other, building blocks never a flow, and
 * no package is in an import cycle.
 */
class ArchitectureTest {

    private static final String ROOT = "fi.city.login.portal";
    private static final String[] FLOWS = {"..portal.accessibility..", "..portal.home..", "..portal.login..", "..portal.oidc..",
            "..portal.recovery..", "..portal.registration..", "..portal.settings..", "..portal.verification.."};
    private static final String[] BUILDING_BLOCKS = {"..portal.page..", "..portal.i18n..", "..portal.client..",
            "..portal.config.."};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageIsAFlowOrABuildingBlock() {
        noClasses().should().resideOutsideOfPackages(concat(FLOWS, BUILDING_BLOCKS)).check(production);
    }

    @Test
    void buildingBlocksNeverImportAFlow() {
        noClasses().that().resideInAnyPackage(BUILDING_BLOCKS).should().dependOnClassesThat().resideInAnyPackage(FLOWS)
                .check(production);
    }

    @Test
    void flowsDoNotImportEachOther() {
        for (String flow : FLOWS) {
            String[] others = java.util.Arrays.stream(FLOWS).filter(other -> !other.equals(flow)).toArray(String[]::new);
            noClasses().that().resideInAPackage(flow).should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(production);
        }
    }

    @Test
    void noPackageIsInAnImportCycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(production);
    }

    private static String[] concat(String[] first, String[] second) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(second))
                .toArray(String[]::new);
    }
}
