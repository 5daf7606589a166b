package tj.migrantsguide.app

import java.util.Properties
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import tj.migrantsguide.text.Alphabet
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.PluralCategory
import tj.migrantsguide.app.text.Plurals
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language

class PluralsTest {
    private val ru = Strings.of(Language.RUSSIAN)
    private val tg = Strings.of(Language.TAJIK)
    private val en = Strings.of(Language.ENGLISH)

    @Test
    fun `russian days take one, few and many forms by the last digits`() {
        assertEquals("1 день", ru.plural(P.DAYS, 1))
        assertEquals("2 дня", ru.plural(P.DAYS, 2))
        assertEquals("5 дней", ru.plural(P.DAYS, 5))
        assertEquals("21 день", ru.plural(P.DAYS, 21))
        assertEquals("11 дней", ru.plural(P.DAYS, 11))
        assertEquals("12 дней", ru.plural(P.DAYS, 12))
        assertEquals("22 дня", ru.plural(P.DAYS, 22))
        assertEquals("0 дней", ru.plural(P.DAYS, 0))
        assertEquals("111 дней", ru.plural(P.DAYS, 111))
        assertEquals("101 день", ru.plural(P.DAYS, 101))
    }

    @Test
    fun `tajik keeps the noun singular after every number`() {
        assertEquals("1 рӯз", tg.plural(P.DAYS, 1))
        assertEquals("2 рӯз", tg.plural(P.DAYS, 2))
        assertEquals("5 рӯз", tg.plural(P.DAYS, 5))
        for (n in 0L..200L) assertEquals(PluralCategory.OTHER, Plurals.category(Language.TAJIK, n))
    }

    @Test
    fun `english has one and other`() {
        assertEquals("1 day", en.plural(P.DAYS, 1))
        assertEquals("2 days", en.plural(P.DAYS, 2))
        assertEquals("0 days", en.plural(P.DAYS, 0))
        assertEquals("21 days", en.plural(P.DAYS, 21))
    }

    @Test
    fun `checklist progress reads naturally in each language`() {
        assertEquals("Сделано 3 из 7 пунктов", ru.plural(P.DONE_OF, 7, "done" to 3))
        assertEquals("Сделано 1 из 21 пункта", ru.plural(P.DONE_OF, 21, "done" to 1))
        assertEquals("3 аз 7 банд иҷро шуд", tg.plural(P.DONE_OF, 7, "done" to 3))
        assertEquals("0 of 1 item done", en.plural(P.DONE_OF, 1, "done" to 0))
        assertEquals("3 of 7 items done", en.plural(P.DONE_OF, 7, "done" to 3))
    }
}

class StringsTest {
    private fun raw(language: Language): Properties = Properties().apply {
        Strings::class.java.classLoader.getResourceAsStream("strings/${language.code()}.properties")!!
            .reader(Charsets.UTF_8).use { load(it) }
    }

    @Test
    fun `every language has every text and every plural form its rule needs`() {
        for (language in Language.entries) Strings.read(language) // throws MissingStrings naming the keys
    }

    @Test
    fun `no language file has keys the app does not use`() {
        val known = S.entries.map { it.name }.toSet() +
            P.entries.flatMap { p -> PluralCategory.entries.map { "${p.name}.${it.key}" } }
        for (language in Language.entries) {
            val unknown = raw(language).stringPropertyNames() - known
            assertTrue(unknown.isEmpty(), "${language.code()}: unknown keys $unknown")
        }
    }

    @Test
    fun `placeholders are the same in every language`() {
        val placeholder = Regex("""\{[a-z]+}""")
        val english = raw(Language.ENGLISH)
        for (language in listOf(Language.RUSSIAN, Language.TAJIK)) {
            val other = raw(language)
            for (key in S.entries.map { it.name }) {
                assertEquals(
                    placeholder.findAll(english.getProperty(key)).map { it.value }.toSet(),
                    placeholder.findAll(other.getProperty(key)).map { it.value }.toSet(),
                    "${language.code()} $key",
                )
            }
        }
    }

    @Test
    fun `tajik texts use the proper tajik letters and no latin or old stand-ins inside words`() {
        val wrong = Regex("[ўњљќїѓ]")
        val mixed = Regex("""\b(?=\w*\p{IsCyrillic})(?=\w*\p{IsLatin})\w+\b""")
        for (language in listOf(Language.TAJIK, Language.RUSSIAN)) {
            val texts = raw(language)
            for (key in texts.stringPropertyNames()) {
                val text = texts.getProperty(key)
                assertTrue(!wrong.containsMatchIn(text), "${language.code()} $key has a stand-in letter: $text")
                assertTrue(!mixed.containsMatchIn(text), "${language.code()} $key mixes Latin into a Cyrillic word: $text")
            }
        }
        val tajikOnly = Regex("[ғӣқӯҳҷҒӢҚӮҲҶ]")
        val russian = raw(Language.RUSSIAN)
        for (key in russian.stringPropertyNames()) {
            assertTrue(!tajikOnly.containsMatchIn(russian.getProperty(key)), "ru $key has a Tajik letter")
        }
    }

    @Test
    fun `dates follow each language's pattern`() {
        val day = java.time.LocalDate.of(2026, 11, 23)
        assertEquals("23.11.2026", Strings.of(Language.TAJIK).date(day))
        assertEquals("23 ноября 2026", Strings.of(Language.RUSSIAN).date(day))
        assertEquals("23 November 2026", Strings.of(Language.ENGLISH).date(day))
    }
}

/** The country picker sorts with shared's [Alphabet]: the orders a reader of each language expects. */
class NameOrderTest {
    private fun sorted(language: Language, vararg names: String) = names.sortedWith(Alphabet.order(language))

    @Test
    fun `tajik puts each tajik letter right after its base letter`() {
        assertEquals(listOf("Хитой", "Ҳиндустон"), sorted(Language.TAJIK, "Ҳиндустон", "Хитой"))
        assertEquals(listOf("Кувайт", "Қазоқистон", "Латвия"), sorted(Language.TAJIK, "Латвия", "Қазоқистон", "Кувайт"))
        assertEquals(listOf("Гурҷистон", "Ғана", "Дания"), sorted(Language.TAJIK, "Дания", "Ғана", "Гурҷистон"))
        assertEquals(listOf("Урдун", "Ӯзбекистон", "Фаронса"), sorted(Language.TAJIK, "Фаронса", "Ӯзбекистон", "Урдун"))
        assertEquals(listOf("Чин", "Ҷопон", "Швеция"), sorted(Language.TAJIK, "Швеция", "Ҷопон", "Чин"))
    }

    @Test
    fun `russian and english keep their usual order`() {
        assertEquals(listOf("Великобритания", "Казахстан", "Россия"), sorted(Language.RUSSIAN, "Россия", "Казахстан", "Великобритания"))
        assertEquals(listOf("Kazakhstan", "Russia", "United Kingdom"), sorted(Language.ENGLISH, "United Kingdom", "Russia", "Kazakhstan"))
    }
}
