package fi.city.login.identity;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of identity-service (docs/architecture.md): flows over building blocks, never the reverse,
 * no import cycles, and a flow owns its transactions.
 */
class ArchitectureTest {

    private static final String ROOT = "fi.city.login.identity";
    /** Every package outside flow/ is a building block, but for the demo seeder, which runs flows at start. */
    private static final String[] NOT_BUILDING_BLOCKS = {"..identity.flow..", "..identity.demo.."};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void buildingBlocksNeverImportAFlowOrTheDemoSeeder() {
        noClasses().that().resideOutsideOfPackages(NOT_BUILDING_BLOCKS)
                .should().dependOnClassesThat().resideInAnyPackage(NOT_BUILDING_BLOCKS)
                .check(production);
    }

    @Test
    void flowsDoNotImportEachOther() {
        slices().matching("..identity.flow.(*)..").should().notDependOnEachOther().check(production);
    }

    @Test
    void noPackageIsInAnImportCycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void onlyFlowsTheOutboxRelayAndTheSeederOpenSessionsOrTransactions() {
        DescribedPredicate<JavaMethodCall> opensUnitOfWork = DescribedPredicate.describe(
                "Panache.withSession or Panache.withTransaction",
                call -> call.getTargetOwner().isEquivalentTo(Panache.class)
                        && call.getName().matches("with(Session|Transaction)"));
        String[] owners = {"..identity.flow..", "..identity.outbox..", "..identity.demo..", "..identity.retention.."};
        noClasses().that().resideOutsideOfPackages(owners).should().callMethodWhere(opensUnitOfWork).check(production);
        noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackages(owners)
                .should().beAnnotatedWith(WithTransaction.class).orShould().beAnnotatedWith(WithSession.class)
                .check(production);
    }
}
