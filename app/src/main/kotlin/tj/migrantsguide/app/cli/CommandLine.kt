package tj.migrantsguide.app.cli

import java.net.URI
import java.net.URISyntaxException
import java.nio.file.Path
import java.util.Optional
import tj.migrantsguide.DataDirectory
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.questions.Topic
import tj.migrantsguide.store.Theme

/** What `migrants-guide.jar` was asked to do. Parsing only; running is in [runCommand]. */
object CommandLine {
    val USAGE = """
        |Usage: java -jar migrants-guide.jar [COMMAND] [--data DIR]
        |
        |With no command, opens the guide's window.
        |
        |Commands:
        |  info        print the installed content version, countries and items per language, data directory
        |  sync URL|DIR [--trust FILE]
        |              bring the content up to the feed at URL (checked signature, newer version, not expired);
        |              or in the folder DIR (a path or file: URL: a USB stick from export-feed), with the same
        |              checks; a missing file or a link leading out of the folder is refused by name;
        |              exit 0 when updated or up to date, 1 when the feed is refused (the reason is printed),
        |              3 when offline, 4 when this device could not finish.
        |              --trust FILE: also trust the public key(s) in FILE, for this run only (editors previewing
        |              a feed signed with their own key; tests); without it only the keys built into the app count
        |  search TEXT print the best hits for TEXT (articles, contacts, checklists), matches in «»
        |  ask --topic T --country C --message TEXT [--contact X --consent] [--lang L] --server URL
        |              save a question to the Ministry on this device and try to send it. T is one of
        |              ${Topic.values().joinToString(", ") { it.code() }};
        |              C a country code (RU); L tg, ru or en
        |              (default: guessed from the message). --consent agrees that the Ministry may use X.
        |  questions [--server URL]
        |              send what waits, fetch answers, list my questions with their state and answers.
        |              With --server, questions no server has taken yet go to URL from now on.
        |  screenshot  render a screen to a PNG without a display (for docs, tests and slides):
        |              screenshot --screen NAME --lang tg|ru|en [--dark | --high-contrast] [--font-scale F]
        |                [--country CODE] [--width 412 --height 915] [--density 1] [--query TEXT]
        |                [--stage before|abroad|return] --out FILE.png [--data DIR]
        |              NAME: home guide contacts checklist search ask settings (also: article checklists
        |              emergency saved about welcome country article-unconfirmed; class mode's slides:
        |              class-opening class-article class-checklist class-contacts class-app; after an update:
        |              updated changes share), or all (then --out is a folder). Without
        |              --data it uses the built-in content in a temporary folder.
        |  export --checklist ID | --contacts COUNTRY --lang tg|ru|en --out FILE.pdf [--force] [--data DIR]
        |              an A4 handout to print: a checklist with boxes to tick, or a country's contacts
        |              (emergency numbers first), with the content date and when each fact was last checked.
        |              Refuses to replace an existing FILE unless --force. Exit 0 written, 1 the guide or the
        |              file failed, 2 a wrong request (an unknown ID or COUNTRY lists the ones there are).
${DATES_USAGE}
${SHARE_USAGE}
        |  --help      this text
        |
        |Options:
        |  --data DIR  where the guide keeps its database (default: ${'$'}${DataDirectory.ENVIRONMENT_VARIABLE},
        |              else ~/${DataDirectory.FOLDER_IN_HOME})
        |  --lang L    tg, ru or en. search: the language whose hits come first (default: the app's, else tg);
        |              ask: the language of the question (default: guessed from the message)
        |""".trimMargin()

    sealed interface Command {
        data class Window(val dataDirectory: Path) : Command
        data class Info(val dataDirectory: Path) : Command
        data class Sync(val dataDirectory: Path, val feedUrl: URI, val trust: Path? = null) : Command
        data class Search(val dataDirectory: Path, val text: String, val language: Language?) : Command
        data object Help : Command
        data class Ask(
            val dataDirectory: Path,
            val topic: String,
            val country: String,
            val message: String,
            val contact: String,
            val consent: Boolean,
            val language: String?,
            val server: URI,
        ) : Command
        data class Questions(val dataDirectory: Path, val server: URI?) : Command
        data class TakeScreenshot(val request: Screenshot.Request) : Command
        data class Export(val request: ExportRequest) : Command
        data class Dates(val request: DatesRequest) : Command
        data class Share(val request: ShareRequest) : Command
    }

    class UsageError(message: String) : Exception(message)

    fun parse(
        args: List<String>,
        environment: Map<String, String> = System.getenv(),
        userHome: String = System.getProperty("user.home"),
    ): Command {
        if (args.firstOrNull() == "screenshot") return parseScreenshot(args.drop(1))
        if (args.firstOrNull() == "dates") {
            if (args.drop(1).any { it == "--help" || it == "-h" }) return Command.Help
            return Command.Dates(parseDates(args.drop(1), environment, userHome))
        }
        if (args.firstOrNull() in setOf("changes", "share", "export-feed")) {
            if (args.drop(1).any { it == "--help" || it == "-h" }) return Command.Help
            return Command.Share(parseShareCommand(args.first(), args.drop(1), environment, userHome))
        }
        if (args.firstOrNull() == "export") {
            if (args.drop(1).any { it == "--help" || it == "-h" }) return Command.Help
            return Command.Export(parseExport(args.drop(1), environment, userHome))
        }
        var data: String? = null
        var trust: String? = null
        var language: Language? = null
        val options = mutableMapOf<String, String>()
        val flags = mutableSetOf<String>()
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
                in QUESTION_OPTIONS -> {
                    options[arg] = args.getOrNull(i + 1) ?: throw UsageError("$arg needs a value")
                    i++
                }
                "--consent" -> flags += arg
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
            "ask" -> Command.Ask(
                dataDirectory,
                topic = options["--topic"] ?: throw UsageError("ask needs --topic (one of $QUESTION_TOPICS)"),
                country = options["--country"] ?: throw UsageError("ask needs --country, e.g. RU"),
                message = options["--message"] ?: throw UsageError("ask needs --message"),
                contact = options["--contact"] ?: "",
                consent = "--consent" in flags,
                language = language?.code(),
                server = serverAddress(options["--server"] ?: throw UsageError("ask needs --server URL")),
            )
            "questions" -> Command.Questions(dataDirectory, options["--server"]?.let(::serverAddress))
            else -> throw UsageError("unknown command: ${words.first()}")
        }
    }

    /** An http(s) feed address, or a feed folder: a `file:` URL or a path (`sync /media/usb/feed`). */
    private fun feedUrl(text: String?): URI {
        if (text == null) throw UsageError("sync needs the feed's address or folder, e.g. sync https://example.org/feed/ or sync /media/usb/feed")
        if (text.startsWith("file:", ignoreCase = true)) {
            val uri = try {
                URI(text)
            } catch (e: URISyntaxException) {
                throw UsageError("not a file: address: $text")
            }
            if (uri.path.isNullOrEmpty()) throw UsageError("a file: address needs a folder, like file:///media/usb/feed/ (got $text)")
            return uri
        }
        if (text.contains("://")) return httpAddress(text, "the feed's address")
        return Path.of(text).toAbsolutePath().normalize().toUri()
    }

    private val QUESTION_OPTIONS = setOf("--topic", "--country", "--message", "--contact", "--server")
    private val QUESTION_TOPICS = Topic.values().joinToString(", ") { it.code() }

    private fun serverAddress(text: String): URI = httpAddress(text, "--server")

    /** An http(s) address with a host, or a usage error naming [what] was wrong. */
    private fun httpAddress(text: String, what: String): URI {
        val uri = try {
            URI(text)
        } catch (e: URISyntaxException) {
            null
        }
        if (uri == null || uri.scheme !in setOf("http", "https") || uri.host.isNullOrEmpty()) {
            throw UsageError("$what must be an http:// or https:// address like http://127.0.0.1:8080/ (got $text)")
        }
        return uri
    }

    private fun parseScreenshot(args: List<String>): Command {
        val values = HashMap<String, String>()
        val flags = HashSet<String>()
        var i = 0
        while (i < args.size) {
            when (val arg = args[i]) {
                "--help", "-h" -> return Command.Help
                "--dark", "--high-contrast" -> flags += arg
                "--screen", "--lang", "--font-scale", "--country", "--width", "--height", "--density", "--out", "--data",
                "--query", "--stage" -> {
                    values[arg] = args.getOrNull(i + 1) ?: throw UsageError("$arg needs a value")
                    i++
                }
                else -> throw UsageError("screenshot: unknown option: $arg")
            }
            i++
        }
        fun number(option: String, default: Float): Float =
            values[option]?.let { it.toFloatOrNull()?.takeIf { n -> n > 0 } ?: throw UsageError("$option needs a positive number") } ?: default
        val screen = values["--screen"] ?: throw UsageError("screenshot needs --screen NAME")
        if (screen !in Screenshot.SCREENS && screen != Screenshot.ALL &&
            screen !in ClassModeScreenshot.SCREENS && screen !in Screenshot.CHANGE_SCREENS) throw UsageError("unknown screen: $screen (known: ${Screenshot.SCREENS.joinToString(" ")})")
        val language = values["--lang"]?.let { Language.fromCode(it).orElseThrow { UsageError("--lang must be tg, ru or en") } }
            ?: throw UsageError("screenshot needs --lang tg|ru|en")
        if ("--dark" in flags && "--high-contrast" in flags) throw UsageError("choose --dark or --high-contrast, not both")
        val fontScale = number("--font-scale", 1f)
        if (fontScale > 3f) throw UsageError("--font-scale must be at most 3")
        return Command.TakeScreenshot(
            Screenshot.Request(
                screen = screen,
                language = language,
                theme = when {
                    "--dark" in flags -> Theme.DARK
                    "--high-contrast" in flags -> Theme.HIGH_CONTRAST
                    else -> Theme.LIGHT
                },
                fontScale = fontScale,
                country = values["--country"]?.uppercase(),
                width = number("--width", 412f).toInt(),
                height = number("--height", 915f).toInt(),
                density = number("--density", 1f),
                out = Path.of(values["--out"] ?: throw UsageError("screenshot needs --out FILE.png")),
                dataDirectory = values["--data"]?.let { Path.of(it).toAbsolutePath() },
                query = values["--query"].orEmpty(),
                stage = values["--stage"]?.let { Stage.fromCode(it).orElseThrow { UsageError("--stage must be before, abroad or return") } },
            ),
        )
    }
}
