package tj.migrantsguide.app.text

import androidx.compose.runtime.staticCompositionLocalOf
import java.io.InputStreamReader
import java.nio.charset.StandardCharsets
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.util.Locale
import java.util.Properties
import java.util.concurrent.ConcurrentHashMap
import tj.migrantsguide.guide.Language

/**
 * Every text of the app's own (not content) in one language, read from `strings/<code>.properties` (UTF-8) on the
 * class path. Keys are the names of [S] and [P], so a missing translation is a failing test, not a blank on screen.
 * Placeholders are `{name}`.
 */
class Strings private constructor(val language: Language, private val table: Map<String, String>) {
    operator fun get(key: S): String = table.getValue(key.name)

    operator fun get(key: S, vararg args: Pair<String, Any>): String = fill(get(key), args)

    /** The form of [key] for [count] by the language's plural rule ([Plurals]); `{count}` is filled in. */
    fun plural(key: P, count: Int, vararg args: Pair<String, Any>): String {
        val category = Plurals.category(language, count.toLong())
        val template = table["${key.name}.${category.key}"] ?: table.getValue("${key.name}.${PluralCategory.OTHER.key}")
        return fill(template, arrayOf("count" to count, *args))
    }

    fun date(date: LocalDate): String = DateTimeFormatter.ofPattern(get(S.DATE_PATTERN), locale).format(date)

    val locale: Locale get() = Locale.forLanguageTag(language.code())

    private fun fill(template: String, args: Array<out Pair<String, Any>>): String {
        var text = template
        for ((name, value) in args) text = text.replace("{$name}", value.toString())
        return text
    }

    companion object {
        private val loaded = ConcurrentHashMap<Language, Strings>()

        fun of(language: Language): Strings = loaded.computeIfAbsent(language) { Strings(it, read(it)) }

        /** The raw table of one language, for the completeness tests. */
        fun read(language: Language): Map<String, String> {
            val resource = "strings/${language.code()}.properties"
            val stream = Strings::class.java.classLoader.getResourceAsStream(resource)
                ?: throw MissingStrings(resource, listOf("the whole file"))
            val properties = Properties()
            InputStreamReader(stream, StandardCharsets.UTF_8).use { properties.load(it) }
            val table = properties.stringPropertyNames().associateWith { properties.getProperty(it) }
            val missing = S.entries.map { it.name }.filter { it !in table } +
                P.entries.flatMap { p -> Plurals.categoriesUsed(language).map { "${p.name}.${it.key}" } }.filter { it !in table }
            if (missing.isNotEmpty()) throw MissingStrings(resource, missing)
            return table
        }
    }
}

/** A strings file lacks keys: a broken build, named so that the failing test says which. */
class MissingStrings(val resource: String, val keys: List<String>) : IllegalStateException("$resource lacks: $keys")

/** The language's own name: shown the same in every language, so that people find theirs. */
fun Language.ownName(): String = when (this) {
    Language.TAJIK -> "Тоҷикӣ"
    Language.RUSSIAN -> "Русский"
    Language.ENGLISH -> "English"
}

val LocalStrings = staticCompositionLocalOf<Strings> { error("GuideTheme provides the strings") }
