package tj.migrantsguide.app

import java.nio.file.Path
import java.util.Optional
import tj.migrantsguide.DataDirectory
import tj.migrantsguide.app.data.ThemeChoice
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage

/** What `migrants-guide.jar` was asked to do. Parsing only; running is in [runCommand]. */
object CommandLine {
    val USAGE = """
        |Usage: java -jar migrants-guide.jar [COMMAND] [--data DIR]
        |
        |With no command, opens the guide's window.
        |
        |Commands:
        |  info        print the installed content version, countries and items per language, data directory
        |  screenshot  render a screen to a PNG without a display (for docs, tests and slides):
        |              screenshot --screen NAME --lang tg|ru|en [--dark | --high-contrast] [--font-scale F]
        |                [--country CODE] [--width 412 --height 915] [--density 1] [--query TEXT]
        |                [--stage before|abroad|return] --out FILE.png [--data DIR]
        |              NAME: home guide contacts checklist search ask settings (also: article checklists
        |              emergency saved about welcome country), or all (then --out is a folder). Without
        |              --data it uses the built-in content in a temporary folder.
        |  --help      this text
        |
        |Options:
        |  --data DIR  where the guide keeps its database (default: ${'$'}${DataDirectory.ENVIRONMENT_VARIABLE},
        |              else ~/${DataDirectory.FOLDER_IN_HOME})
        |""".trimMargin()

    sealed interface Command {
        data class Window(val dataDirectory: Path) : Command
        data class Info(val dataDirectory: Path) : Command
        data object Help : Command
        data class TakeScreenshot(val request: Screenshot.Request) : Command
    }

    class UsageError(message: String) : Exception(message)

    fun parse(
        args: List<String>,
        environment: Map<String, String> = System.getenv(),
        userHome: String = System.getProperty("user.home"),
    ): Command {
        if (args.firstOrNull() == "screenshot") return parseScreenshot(args.drop(1))
        var data: String? = null
        val words = mutableListOf<String>()
        var i = 0
        while (i < args.size) {
            when (val arg = args[i]) {
                "--help", "-h", "help" -> return Command.Help
                "--data" -> {
                    data = args.getOrNull(i + 1) ?: throw UsageError("--data needs a folder")
                    i++
                }
                else -> if (arg.startsWith("--")) throw UsageError("unknown option: $arg") else words += arg
            }
            i++
        }
        val dataDirectory = DataDirectory.resolve(Optional.ofNullable(data), environment, userHome)
        return when (words.firstOrNull()) {
            null -> Command.Window(dataDirectory)
            "info" -> Command.Info(dataDirectory)
            else -> throw UsageError("unknown command: ${words.first()}")
        }
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
        if (screen !in Screenshot.SCREENS && screen != Screenshot.ALL) throw UsageError("unknown screen: $screen (known: ${Screenshot.SCREENS.joinToString(" ")})")
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
                    "--dark" in flags -> ThemeChoice.DARK
                    "--high-contrast" in flags -> ThemeChoice.HIGH_CONTRAST
                    else -> ThemeChoice.LIGHT
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
