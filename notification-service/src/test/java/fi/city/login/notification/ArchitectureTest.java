package fi.city.login.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of notification-service (docs/architecture.md): its entry points (the Kafka consumers and the
 * delivery jobs in {@code messaging}, the ops routes in {@code ops}) over building blocks (the emails, the
 * delivery log, the configuration); entry points never import each other, building blocks never an entry
 * point, and no package is in an import cycle.
 */
class ArchitectureTest {

    private static final String ROOT = "fi.city.login.notification";
    private static final String[] ENTRY_POINTS = {"..notification.messaging..", "..notification.ops.."};
    private static final String[] BUILDING_BLOCKS = {"..notification.email..", "..notification.delivery..",
            "..notification.config.."};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageIsAnEntryPointOrABuildingBlock() {
        String[] all = java.util.stream.Stream.of(ENTRY_POINTS, BUILDING_BLOCKS).flatMap(java.util.Arrays::stream)
                .toArray(String[]::new);
        noClasses().should().resideOutsideOfPackages(all).check(production);
    }

    @Test
    void buildingBlocksNeverImportAnEntryPoint() {
        noClasses().that().resideInAnyPackage(BUILDING_BLOCKS).should().dependOnClassesThat()
                .resideInAnyPackage(ENTRY_POINTS).check(production);
    }

    @Test
    void entryPointsDoNotImportEachOther() {
        noClasses().that().resideInAPackage(ENTRY_POINTS[0]).should().dependOnClassesThat()
                .resideInAPackage(ENTRY_POINTS[1]).check(production);
        noClasses().that().resideInAPackage(ENTRY_POINTS[1]).should().dependOnClassesThat()
                .resideInAPackage(ENTRY_POINTS[0]).check(production);
    }

    @Test
    void noPackageIsInAnImportCycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(production);
    }
}
