package tj.migrantsguide;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
}
