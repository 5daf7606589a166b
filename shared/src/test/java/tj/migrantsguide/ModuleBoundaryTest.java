package tj.migrantsguide;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** shared is the core both sides build on: app → shared ← content. It must know neither side. */
class ModuleBoundaryTest {
    private static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("tj.migrantsguide");

    @Test
    void sharedDependsOnNoUserInterfaceNoHttpClientAndNoServer() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "androidx..", "org.jetbrains.skia..", "org.jetbrains.skiko..", "javax.swing..", "java.awt..",
                "io.ktor..", "kotlin..", "kotlinx..",
                "com.sun.net.httpserver..", "tj.migrantsguide.content..", "tj.migrantsguide.app..");
        rule.check(SHARED);
    }

    @Test
    void onlyTheShareServerUsesAServer() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("tj.migrantsguide.share..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..");
        rule.check(SHARED);
    }

    /**
     * shared's packages in layers, used one way only (docs/architecture.md): the guide's types and the HTTP seam at
     * the bottom; text rules and the feed format over them; the store over those; sync, the outbox and the share
     * server and the dates engine over the store; {@code Guide} (the root package) on top. The questions contract sits beside the store:
     * the outbox and the servers use it, it uses only the guide's types.
     */
    @Test
    void sharedPackagesAreLayeredOneWay() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Guide").definedBy("tj.migrantsguide")
                .layer("Services").definedBy(
                        "tj.migrantsguide.sync..", "tj.migrantsguide.outbox..", "tj.migrantsguide.share..", "tj.migrantsguide.dates..")
                .layer("Store").definedBy("tj.migrantsguide.store..")
                .layer("Contract").definedBy("tj.migrantsguide.questions..")
                .layer("Formats").definedBy("tj.migrantsguide.text..", "tj.migrantsguide.feed..")
                .layer("Base").definedBy("tj.migrantsguide.guide..", "tj.migrantsguide.transport..")
                .whereLayer("Guide").mayNotBeAccessedByAnyLayer()
                .whereLayer("Services").mayOnlyBeAccessedByLayers("Guide", "Services")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Guide", "Services")
                .whereLayer("Contract").mayOnlyBeAccessedByLayers("Guide", "Services")
                .whereLayer("Formats").mayOnlyBeAccessedByLayers("Guide", "Services", "Store", "Formats")
                .check(SHARED);
    }

    @Test
    void sharedPackagesFormNoCycle() {
        SlicesRuleDefinition.slices().matching("tj.migrantsguide.(*)..").should().beFreeOfCycles().check(SHARED);
    }
}
