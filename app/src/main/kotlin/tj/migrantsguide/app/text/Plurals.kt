package tj.migrantsguide.app.text

import tj.migrantsguide.guide.Language

/** CLDR plural categories; a language uses only some of them. */
enum class PluralCategory(val key: String) { ONE("one"), FEW("few"), MANY("many"), OTHER("other") }

/**
 * Cardinal plural rules for whole numbers, written out from CLDR's `common/supplemental/plurals.xml`
 * (unicode-org/cldr), because Compose's own table has no entry for Tajik.
 *
 * - English (`en`): one = `i = 1 and v = 0`; everything else is other.
 * - Russian (`ru`): one = `i % 10 = 1 and i % 100 != 11`; few = `i % 10 = 2..4 and i % 100 != 12..14`;
 *   many = `i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14`. (`other` is for fractions, which we never show.)
 * - Tajik (`tg`): CLDR lists no rule for it, so it takes the root rule: every number is other. That matches the
 *   grammar: a noun after a numeral stays singular ("1 рӯз", "2 рӯз", "5 рӯз"). The brief expected one/other
 *   like English; with both forms identical the output would be the same, so we follow CLDR.
 */
object Plurals {
    fun category(language: Language, count: Long): PluralCategory {
        val n = if (count < 0) -count else count
        return when (language) {
            Language.ENGLISH -> if (n == 1L) PluralCategory.ONE else PluralCategory.OTHER
            Language.TAJIK -> PluralCategory.OTHER
            Language.RUSSIAN -> {
                val mod10 = n % 10
                val mod100 = n % 100
                when {
                    mod10 == 1L && mod100 != 11L -> PluralCategory.ONE
                    mod10 in 2L..4L && mod100 !in 12L..14L -> PluralCategory.FEW
                    else -> PluralCategory.MANY
                }
            }
        }
    }

    /** The categories a translation must give for [language] (whole numbers only). */
    fun categoriesUsed(language: Language): Set<PluralCategory> = when (language) {
        Language.ENGLISH -> setOf(PluralCategory.ONE, PluralCategory.OTHER)
        Language.TAJIK -> setOf(PluralCategory.OTHER)
        Language.RUSSIAN -> setOf(PluralCategory.ONE, PluralCategory.FEW, PluralCategory.MANY)
    }
}
