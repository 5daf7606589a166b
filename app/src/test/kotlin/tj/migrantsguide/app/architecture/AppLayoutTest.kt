package tj.migrantsguide.app.architecture

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.ArchRule
import com.tngtech.archunit.library.Architectures.layeredArchitecture
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import org.junit.jupiter.api.Test

/**
 * The app's layout (docs/ui.md, "Packages"), checked over the compiled classes: entry points (the root package,
 * `cli`, `shell`) on top, then `feature.*`, which never import each other, then the pieces they share
 * (`handout`, `designsystem`, `navigation`, `model`), then the data seams (`data`, `sync`, `net`, `system`, `text`).
 */
class AppLayoutTest {
    @Test
    fun featuresDoNotImportEachOther() = featuresApart(APP_ROOT).check(APP)

    @Test
    fun appPackagesFormNoCycle() = noCycles("$APP_ROOT.(*)..").check(APP)

    @Test
    fun layersAreUsedOnlyFromAbove() = layers().check(APP)

    /** The rules are not vacuous: two features that use each other (test classes made for it) break both. */
    @Test
    fun twoFeaturesThatUseEachOtherAreCaught() {
        val tangled = ClassFileImporter().importPackages(TANGLED_ROOT)
        assertEquals(2, tangled.size, "the two test classes that use each other")
        assertFailsWith<AssertionError> { featuresApart(TANGLED_ROOT).check(tangled) }
        assertFailsWith<AssertionError> { noCycles("$TANGLED_ROOT.feature.(*)..").check(tangled) }
    }

    private companion object {
        val APP: JavaClasses = ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("tj.migrantsguide.app")

        const val APP_ROOT = "tj.migrantsguide.app"
        const val TANGLED_ROOT = "tj.migrantsguide.app.architecture.cycle"

        fun featuresApart(root: String): ArchRule = slices().matching("$root.feature.(*)..").should().notDependOnEachOther()

        fun noCycles(slicePattern: String): ArchRule = slices().matching(slicePattern).should().beFreeOfCycles()

        fun layers(): ArchRule = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry").definedBy("tj.migrantsguide.app", "tj.migrantsguide.app.cli..", "tj.migrantsguide.app.shell..")
            .layer("Features").definedBy("tj.migrantsguide.app.feature..")
            .layer("Handouts").definedBy("tj.migrantsguide.app.handout..")
            .layer("DesignSystem").definedBy("tj.migrantsguide.app.designsystem..")
            .layer("Navigation").definedBy("tj.migrantsguide.app.navigation..")
            .layer("Model").definedBy("tj.migrantsguide.app.model..")
            .layer("Data").definedBy(
                "tj.migrantsguide.app.data..", "tj.migrantsguide.app.sync..", "tj.migrantsguide.app.net..",
                "tj.migrantsguide.app.system..", "tj.migrantsguide.app.text..",
            )
            .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Handouts").mayOnlyBeAccessedByLayers("Entry", "Features")
            .whereLayer("DesignSystem").mayOnlyBeAccessedByLayers("Entry", "Features", "Handouts")
            .whereLayer("Navigation").mayOnlyBeAccessedByLayers("Entry", "Features", "Handouts", "DesignSystem")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Entry", "Features", "Handouts", "DesignSystem", "Navigation")
    }
}
