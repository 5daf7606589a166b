package tj.migrantsguide.app.text

import java.text.Collator
import java.util.Locale
import tj.migrantsguide.guide.Language

/**
 * How names are sorted for people reading [language]. The JDK has no Tajik collation (it puts ғ ӣ қ ӯ ҳ ҷ after
 * я), so Tajik uses the alphabet order below. The store's collator replaces this once it lands; this one is
 * correct for every letter of the Tajik alphabet, and anything else falls back to the Russian collator.
 */
object NameOrder {
    /** а б в г ғ д е ё ж з и ӣ й к қ л м н о п р с т у ӯ ф х ҳ ч ҷ ш ъ э ю я: each Tajik letter after its base. */
    private const val TAJIK_ALPHABET = "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя"

    fun comparator(language: Language): Comparator<String> = when (language) {
        Language.TAJIK -> TajikComparator
        Language.RUSSIAN -> collator(Locale.forLanguageTag("ru"))
        Language.ENGLISH -> collator(Locale.ENGLISH)
    }

    private fun collator(locale: Locale): Comparator<String> {
        val collator = Collator.getInstance(locale).apply { strength = Collator.SECONDARY }
        return Comparator { a, b -> collator.compare(a, b) }
    }

    private val russian = collator(Locale.forLanguageTag("ru"))

    private object TajikComparator : Comparator<String> {
        override fun compare(a: String, b: String): Int {
            val x = a.lowercase(Locale.ROOT)
            val y = b.lowercase(Locale.ROOT)
            val length = minOf(x.length, y.length)
            for (i in 0 until length) {
                val cx = x[i]
                val cy = y[i]
                if (cx == cy) continue
                val px = TAJIK_ALPHABET.indexOf(cx)
                val py = TAJIK_ALPHABET.indexOf(cy)
                return when {
                    px >= 0 && py >= 0 -> px.compareTo(py)
                    // Letters outside the alphabet (spaces, digits, Latin): leave them to the general collator.
                    else -> russian.compare(x.substring(i), y.substring(i))
                }
            }
            return x.length.compareTo(y.length)
        }
    }
}
