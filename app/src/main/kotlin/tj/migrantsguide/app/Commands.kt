package tj.migrantsguide.app

import java.io.PrintStream
import java.time.Clock
import tj.migrantsguide.Guide
import tj.migrantsguide.guide.Language

/** Runs a command that needs no window; returns the process exit code. */
fun runCommand(command: CommandLine.Command, out: PrintStream, err: PrintStream, clock: Clock = Clock.systemUTC()): Int =
    when (command) {
        is CommandLine.Command.Help -> {
            out.print(CommandLine.USAGE)
            0
        }
        is CommandLine.Command.Info -> openGuide(command.dataDirectory, clock, err)?.use { guide ->
            printInfo(guide, out)
            0
        } ?: 1
        is CommandLine.Command.TakeScreenshot -> Screenshot.run(command.request, out, err, clock)
        is CommandLine.Command.Window -> error("the window is not a command")
    }

private fun printInfo(guide: Guide, out: PrintStream) {
    val store = guide.store()
    val installed = store.installedFeed()
    val counts = store.counts()
    out.println("Migrant's Guide")
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
