package tj.migrantsguide.app.cli

import java.io.IOException
import java.io.PrintStream
import java.nio.file.Path
import java.time.Clock
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.util.Locale
import java.util.Optional
import tj.migrantsguide.DataDirectory
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.dates.CalendarFile
import tj.migrantsguide.dates.Deadline
import tj.migrantsguide.dates.MyDates
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.DateNotice
import tj.migrantsguide.store.Person

/** `dates`, `dates set`, `dates ics`: My dates on the command line (issue 16, docs/dates.md). */
sealed interface DatesRequest {
    val dataDirectory: Path
    val person: String?

    /** List the person's deadlines, soonest first, with the rule, its source and what changed. */
    data class Show(override val dataDirectory: Path, override val person: String?, val language: Language?) : DatesRequest

    /** Save the days given (each checked; none saved if one is wrong). */
    data class Save(
        override val dataDirectory: Path,
        override val person: String?,
        val country: String?,
        val days: Map<DateEvent, String>,
    ) : DatesRequest

    /** Write the person's deadlines as an .ics file with alarms. */
    data class Ics(override val dataDirectory: Path, override val person: String?, val language: Language?, val out: Path) : DatesRequest
}

/** The lines of `--help` about `dates`, with the margin `|` that [CommandLine.USAGE] trims. */
val DATES_USAGE = listOf(
    "|  dates [--person NAME] [--lang L]",
    "|              list the deadlines of a person on this device (default: the current one), soonest first,",
    "|              each with its rule, its source and when it was checked; a rule an update changed says so once",
    "|  dates set --entry YYYY-MM-DD [--registration D] [--patent-issued D] [--last-paid D]",
    "|                [--passport-expiry D] [--country CC] [--person NAME]",
    "|              save the days the deadlines count from (country: the app's, else RU). A day after today",
    "|              (but a passport's expiry), before 1990 or not a date is refused and nothing is saved",
    "|  dates ics --out FILE.ics [--person NAME] [--lang L]",
    "|              the deadlines as a calendar file with reminders 3 days and 1 day before, for a phone",
).joinToString("\n")

private val EVENT_OPTIONS = DateEvent.values().associateBy { "--" + it.code() }

fun parseDates(args: List<String>, environment: Map<String, String>, userHome: String): DatesRequest {
    val action = args.firstOrNull()?.takeIf { !it.startsWith("--") }
    val rest = if (action == null) args else args.drop(1)
    val values = HashMap<String, String>()
    var i = 0
    while (i < rest.size) {
        val arg = rest[i]
        if (arg in setOf("--person", "--lang", "--country", "--out", "--data") || arg in EVENT_OPTIONS) {
            values[arg] = rest.getOrNull(i + 1)?.takeIf { !it.startsWith("--") } ?: throw usage("$arg needs a value")
            i += 2
        } else {
            throw usage("dates: unknown option or word: $arg")
        }
    }
    val data = DataDirectory.resolve(Optional.ofNullable(values["--data"]), environment, userHome)
    val person = values["--person"]
    fun only(vararg allowed: String) {
        val extra = values.keys - setOf("--data", "--person", *allowed)
        if (extra.isNotEmpty()) throw usage("dates${action?.let { " $it" } ?: ""}: ${extra.sorted().joinToString(", ")} does not go here")
    }
    return when (action) {
        null -> {
            only("--lang")
            DatesRequest.Show(data, person, language(values["--lang"]))
        }
        "set" -> {
            only("--country", *EVENT_OPTIONS.keys.toTypedArray())
            val days = EVENT_OPTIONS.filterKeys { it in values }.map { (option, event) -> event to values.getValue(option) }.toMap()
            if (days.isEmpty()) throw usage("dates set needs a day, e.g. --entry 2026-12-01 (also ${EVENT_OPTIONS.keys.drop(1).joinToString(", ")})")
            val country = values["--country"]?.uppercase()?.also {
                if (!it.matches(Regex("[A-Z]{2}"))) throw usage("--country is a two-letter code such as RU (got $it)")
            }
            DatesRequest.Save(data, person, country, days)
        }
        "ics" -> {
            only("--out", "--lang")
            val out = values["--out"] ?: throw usage("dates ics needs --out FILE.ics")
            if (!out.lowercase().endsWith(".ics")) throw usage("--out must name an .ics file (got $out)")
            DatesRequest.Ics(data, person, language(values["--lang"]), Path.of(out))
        }
        else -> throw usage("dates: unknown action '$action' (set, ics, or none to list)")
    }
}

private fun language(code: String?): Language? =
    code?.let { Language.fromCode(it).orElseThrow { usage("--lang must be tg, ru or en, not $it") } }

private fun usage(message: String) = CommandLine.UsageError(message)

/** Exit 0 done; 1 the guide could not be opened or the file written; 2 a wrong request (a bad day, no such person). */
fun runDates(request: DatesRequest, out: PrintStream, err: PrintStream, clock: Clock): Int {
    val guide = openGuide(request.dataDirectory, clock, err) ?: return 1
    guide.use {
        val store = guide.store()
        val person = findPerson(guide, request.person) ?: run {
            err.println("error: no person '${request.person}' on this device (there are: ${people(guide)})")
            return 2
        }
        val dates = MyDates(store, clock)
        return when (request) {
            is DatesRequest.Save -> {
                val country = request.country ?: store.user().settings().country().orElse("RU")
                val problems = request.days.mapNotNull { (event, text) ->
                    val day = runCatching { LocalDate.parse(text.trim()) }.getOrNull()
                    val problem = if (day == null) Optional.of(tj.migrantsguide.dates.DateProblem.NotADate(text))
                    else dates.check(country, event, day)
                    problem.map { "--${event.code()}: ${it.describe()}" }.orElse(null)
                }
                if (problems.isNotEmpty()) {
                    problems.forEach { err.println("error: $it") }
                    err.println("nothing was saved")
                    return 2
                }
                request.days.forEach { (event, text) -> dates.set(person.id(), country, event, text).ifPresent { error(it.describe()) } }
                out.println("saved for ${name(person)} in $country: " +
                    request.days.entries.joinToString(", ") { (event, text) -> "${event.code()} ${text.trim()}" })
                if (store.rules(Language.ENGLISH).none { it.countryCode() == country }) {
                    out.println("note: the guide has no deadlines for $country yet")
                }
                0
            }
            is DatesRequest.Show -> {
                val language = request.language ?: store.user().settings().language().orElse(Language.TAJIK)
                printDeadlines(dates, person, language, out)
                0
            }
            is DatesRequest.Ics -> {
                val language = request.language ?: store.user().settings().language().orElse(Language.TAJIK)
                val deadlines = dates.deadlines(person.id(), language)
                try {
                    CalendarFile.write(request.out, person.id(), deadlines, clock)
                } catch (e: IOException) {
                    err.println("error: cannot write ${request.out}: ${e.message}")
                    return 1
                }
                val events = deadlines.count { !it.withdrawn() }
                out.println("wrote ${request.out}: $events ${if (events == 1) "deadline" else "deadlines"}, reminders " +
                    CalendarFile.ALARM_DAYS_BEFORE.joinToString(" and ") { "$it ${if (it == 1) "day" else "days"}" } + " before")
                0
            }
        }
    }
}

private fun findPerson(guide: Guide, name: String?): Person? {
    val user = guide.store().user()
    if (name == null) return user.currentPerson()
    return user.people().firstOrNull { it.name().equals(name.trim(), ignoreCase = true) }
        ?: if (name.trim().equals("me", ignoreCase = true)) user.people().first() else null
}

private fun people(guide: Guide) = guide.store().user().people().joinToString(", ") { name(it) }

private fun name(person: Person) = if (person.hasName()) person.name() else "me"

private fun longDate(day: LocalDate, language: Language): String {
    val pattern = if (language == Language.TAJIK) "EEEE, dd.MM.yyyy" else "EEEE d MMMM yyyy"
    return DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(language.code())).format(day)
}

private fun printDeadlines(dates: MyDates, person: Person, language: Language, out: PrintStream) {
    val deadlines = dates.deadlines(person.id(), language)
    val notices = dates.unseenNotices(person.id())
    if (deadlines.isEmpty()) {
        out.println("no deadlines for ${name(person)}: enter a day first, e.g. dates set --entry 2026-12-01 --country RU")
        return
    }
    out.println("deadlines of ${name(person)} (${language.code()}):")
    for (deadline in deadlines) {
        out.println()
        printDeadline(deadline, dates.today(deadline.countryCode()), language, out)
    }
    for (notice in notices) {
        out.println()
        out.println(describe(notice, language))
        dates.markSeen(person.id(), notice.id())
    }
}

private fun printDeadline(deadline: Deadline, today: LocalDate, language: Language, out: PrintStream) {
    val left = deadline.daysLeft(today)
    val status = when {
        deadline.withdrawn() -> "rule withdrawn"
        left < 0 -> "OVERDUE by ${-left} ${if (left == -1L) "day" else "days"}"
        left == 0L -> "today is the last day"
        else -> "$left ${if (left == 1L) "day" else "days"} left"
    }
    val earliest = if (deadline.earliestPossible()) " (the earliest it can be: holidays not counted)" else ""
    out.println("${deadline.title()}: $status (by ${longDate(deadline.due(), language)}, ${deadline.due()})$earliest")
    deadline.rule().ifPresent { rule ->
        out.println("  ${deadline.countryCode()} · ${rule.length().code()} from ${deadline.event().code()} ${deadline.eventDay()}" +
            " · verified ${rule.verified().map { it.toString() }.orElse("unknown (not yet verified)")}")
        rule.sources().forEach { out.println("  source: $it") }
        if (left < 0) {
            out.println("  if missed: ${rule.missed()}")
            out.println("  what to do now: read ${deadline.countryCode()}/${rule.articleId()}" +
                rule.contactIds().joinToString("") { ", ask ${deadline.countryCode()}/$it" })
        }
    }
    if (deadline.withdrawn()) {
        out.println("  ${deadline.countryCode()} · the feed no longer has this rule; its last date is kept (counted from ${deadline.eventDay()})")
    }
}

private fun describe(notice: DateNotice, language: Language): String {
    val title = notice.titles()[language] ?: notice.titles().values.firstOrNull() ?: notice.ruleId()
    return when (notice.kind()) {
        DateNotice.Kind.MOVED -> "changed: $title moved from ${notice.dueBefore()} to ${notice.dueAfter().orElseThrow()}" +
            " because the rule changed (${notice.lengthBefore()} → ${notice.lengthAfter().orElse("?")}; " +
            "source ${notice.sources().firstOrNull() ?: "none"}, verified ${notice.verified().map { it.toString() }.orElse("unknown")})"
        DateNotice.Kind.WITHDRAWN -> "changed: $title: the rule was withdrawn by an update; the date ${notice.dueBefore()} is kept, marked \"rule withdrawn\""
    }
}
