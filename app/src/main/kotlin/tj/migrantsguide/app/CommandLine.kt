package tj.migrantsguide.app

import java.net.URI
import java.net.URISyntaxException
import java.nio.file.Path
import java.util.Optional
import tj.migrantsguide.DataDirectory
import tj.migrantsguide.guide.Language

/** What `migrants-guide.jar` was asked to do. Parsing only; running is in [runCommand]. */
object CommandLine {
    val USAGE = """
        |Usage: java -jar migrants-guide.jar [COMMAND] [--data DIR]
        |
        |With no command, opens the guide's window.
        |
        |Commands:
        |  info        print the installed content version, countries and items per language, data directory
        |  sync URL [--trust FILE]
        |              bring the content up to the feed at URL (checked signature, newer version, not expired);
        |              exit 0 when updated or up to date, 1 when the feed is refused (the reason is printed),
        |              3 when offline, 4 when this device could not finish.
        |              --trust FILE: also trust the public key(s) in FILE, for this run only (editors previewing
        |              a feed signed with their own key; tests); without it only the keys built into the app count
        |  search TEXT print the best hits for TEXT (articles, contacts, checklists), matches in «»
        |  --help      this text
        |
        |Options:
        |  --data DIR  where the guide keeps its database (default: ${'$'}${DataDirectory.ENVIRONMENT_VARIABLE},
        |              else ~/${DataDirectory.FOLDER_IN_HOME})
        |  --lang L    search: language whose hits come first, tg, ru or en (default: the app's, else tg)
        |""".trimMargin()

    sealed interface Command {
        data class Window(val dataDirectory: Path) : Command
        data class Info(val dataDirectory: Path) : Command
        data class Sync(val dataDirectory: Path, val feedUrl: URI, val trust: Path? = null) : Command
        data class Search(val dataDirectory: Path, val text: String, val language: Language?) : Command
        data object Help : Command
    }

    class UsageError(message: String) : Exception(message)

    fun parse(
        args: List<String>,
        environment: Map<String, String> = System.getenv(),
        userHome: String = System.getProperty("user.home"),
    ): Command {
        var data: String? = null
        var trust: String? = null
        var language: Language? = null
        val words = mutableListOf<String>()
        var i = 0
        while (i < args.size) {
            when (val arg = args[i]) {
                "--help", "-h", "help" -> return Command.Help
                "--data" -> {
                    data = args.getOrNull(i + 1) ?: throw UsageError("--data needs a folder")
                    i++
                }
                "--trust" -> {
                    trust = args.getOrNull(i + 1) ?: throw UsageError("--trust needs a public key file")
                    i++
                }
                "--lang" -> {
                    val code = args.getOrNull(i + 1) ?: throw UsageError("--lang needs tg, ru or en")
                    language = Language.fromCode(code).orElseThrow { UsageError("--lang must be tg, ru or en, not $code") }
                    i++
                }
                else -> if (arg.startsWith("--")) throw UsageError("unknown option: $arg") else words += arg
            }
            i++
        }
        if (trust != null && words.firstOrNull() != "sync") throw UsageError("--trust goes with sync")
        val dataDirectory = DataDirectory.resolve(Optional.ofNullable(data), environment, userHome)
        return when (words.firstOrNull()) {
            null -> Command.Window(dataDirectory)
            "info" -> Command.Info(dataDirectory)
            "sync" -> Command.Sync(dataDirectory, feedUrl(words.getOrNull(1)), trust?.let { Path.of(it) })
            "search" -> {
                if (words.size < 2) throw UsageError("search needs some text: search TEXT")
                Command.Search(dataDirectory, words.drop(1).joinToString(" "), language)
            }
            else -> throw UsageError("unknown command: ${words.first()}")
        }
    }

    private fun feedUrl(text: String?): URI {
        text ?: throw UsageError("sync needs the feed's address, e.g. sync https://example.org/feed/")
        val uri = try {
            URI(text)
        } catch (e: URISyntaxException) {
            throw UsageError("not an address: $text")
        }
        if (uri.scheme !in setOf("http", "https") || uri.host.isNullOrEmpty()) {
            throw UsageError("the feed's address must start with http:// or https://: $text")
        }
        return uri
    }
}
