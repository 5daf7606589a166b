package tj.migrantsguide.app.cli

import java.io.PrintStream
import java.time.Clock
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.sync.AppFeed
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemKind

/** Runs a command that needs no window; returns the process exit code. */
fun runCommand(command: CommandLine.Command, out: PrintStream, err: PrintStream, clock: Clock = Clock.systemUTC()): Int =
    when (command) {
        is CommandLine.Command.Help -> {
            out.print(CommandLine.USAGE)
            0
        }
        is CommandLine.Command.Info -> openGuide(command.dataDirectory, clock, err)?.use { guide ->
            guide.startReport().recovery().ifPresent { err.println("note: ${it.describe()}") }
            printInfo(guide, out)
            printFeedInfo(guide, out, clock)
            0
        } ?: 1
        is CommandLine.Command.Sync -> runSyncCommand(command, out, err, clock)
        is CommandLine.Command.Search -> openGuide(command.dataDirectory, clock, err)?.use { guide ->
            guide.startReport().recovery().ifPresent { err.println("note: ${it.describe()}") }
            printSearch(guide, command, out)
            0
        } ?: 1
        is CommandLine.Command.Ask -> runAsk(command, out, err, clock)
        is CommandLine.Command.Questions -> runQuestions(command, out, err, clock)
        is CommandLine.Command.TakeScreenshot -> Screenshot.run(command.request, out, err, clock)
        is CommandLine.Command.Export -> runExport(command.request, out, err, clock)
        is CommandLine.Command.Dates -> runDates(command.request, out, err, clock)
        is CommandLine.Command.Share -> runShareCommand(command.request, out, err, clock)
        is CommandLine.Command.Window -> error("the window is not a command")
    }

private fun printInfo(guide: Guide, out: PrintStream) {
    val store = guide.store()
    val installed = store.installedFeed()
    val counts = store.counts()
    out.println("Migrant's Guide")
    if (AppFeed.developmentBuild) out.println(Strings.of(Language.ENGLISH)[S.DEVELOPMENT_BUILD])
    out.println("data directory:  ${guide.dataDirectory()}")
    out.println(
        "content version: " + installed.map { "${it.version()} (published ${it.published()}, installed ${it.installedAt()})" }
            .orElse("none"),
    )
    out.println("countries:       ${counts.countries()}")
    out.println("items per language: " + Language.values().joinToString(", ") { "${it.code()} ${counts.itemsPerLanguage()[it]}" })
    for (country in store.countries()) {
        val perLanguage = Language.values().joinToString(", ") { language ->
            val items = store.articles(country.code(), language).size + store.contacts(country.code(), language).size +
                store.checklists(country.code(), language).sumOf { it.items().size }
            "${language.code()} $items"
        }
        out.println("  ${country.code()}  ${country.name(Language.ENGLISH).padEnd(24)} $perLanguage")
    }
}

/** How many hits `search` prints: a screenful. */
private const val SEARCH_HITS = 10

private fun printSearch(guide: Guide, command: CommandLine.Command.Search, out: PrintStream) {
    val store = guide.store()
    val language = command.language ?: store.user().settings().language().orElse(Language.TAJIK)
    val hits = store.search(command.text, language, SEARCH_HITS)
    if (hits.isEmpty()) {
        out.println("no results for \"${command.text.take(80)}\"")
        return
    }
    out.println("${hits.size} ${if (hits.size == 1) "hit" else "hits"} for \"${command.text.take(80)}\" (${language.code()} first):")
    hits.forEachIndexed { index, hit ->
        val kind = kindWord(hit.kind())
        out.println()
        out.println("${index + 1}. ${hit.title().marked("«", "»")}")
        out.println("   $kind · ${hit.countryCode()} · ${hit.language().code()} · ${hit.id()}")
        if (!hit.excerpt().isEmpty) {
            val prefix = if (hit.kind() == ItemKind.CHECKLIST_ITEM) "in: " else ""
            out.println("   $prefix${hit.excerpt().marked("«", "»")}")
        }
    }
}

/** An item's kind in the command line's English ("checklist item"), for `search` and `changes`. */
internal fun kindWord(kind: ItemKind): String = when (kind) {
    ItemKind.ARTICLE -> "article"
    ItemKind.CONTACT -> "contact"
    ItemKind.CHECKLIST -> "checklist"
    ItemKind.CHECKLIST_ITEM -> "checklist item"
    ItemKind.RULE -> "deadline rule"
}
