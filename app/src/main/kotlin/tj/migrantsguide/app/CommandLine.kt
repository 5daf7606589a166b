package tj.migrantsguide.app

import java.net.URI
import java.net.URISyntaxException
import java.nio.file.Path
import java.util.Optional
import tj.migrantsguide.DataDirectory
import tj.migrantsguide.questions.Topic

/** What `migrants-guide.jar` was asked to do. Parsing only; running is in [runCommand]. */
object CommandLine {
    val USAGE = """
        |Usage: java -jar migrants-guide.jar [COMMAND] [--data DIR]
        |
        |With no command, opens the guide's window.
        |
        |Commands:
        |  info        print the installed content version, countries and items per language, data directory
        |  ask --topic T --country C --message TEXT [--contact X --consent] [--language L] --server URL
        |              save a question to the Ministry on this device and try to send it. T is one of
        |              ${Topic.values().joinToString(", ") { it.code() }};
        |              C a country code (RU); L tg, ru or en
        |              (default: guessed from the message). --consent agrees that the Ministry may use X.
        |  questions [--server URL]
        |              send what waits, fetch answers, list my questions with their state and answers.
        |              With --server, questions no server has taken yet go to URL from now on.
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
    }

    class UsageError(message: String) : Exception(message)

    fun parse(
        args: List<String>,
        environment: Map<String, String> = System.getenv(),
        userHome: String = System.getProperty("user.home"),
    ): Command {
        var data: String? = null
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
                in QUESTION_OPTIONS -> {
                    options[arg] = args.getOrNull(i + 1) ?: throw UsageError("$arg needs a value")
                    i++
                }
                "--consent" -> flags += arg
                else -> if (arg.startsWith("--")) throw UsageError("unknown option: $arg") else words += arg
            }
            i++
        }
        val dataDirectory = DataDirectory.resolve(Optional.ofNullable(data), environment, userHome)
        return when (words.firstOrNull()) {
            null -> Command.Window(dataDirectory)
            "info" -> Command.Info(dataDirectory)
            "ask" -> Command.Ask(
                dataDirectory,
                topic = options["--topic"] ?: throw UsageError("ask needs --topic (one of $QUESTION_TOPICS)"),
                country = options["--country"] ?: throw UsageError("ask needs --country, e.g. RU"),
                message = options["--message"] ?: throw UsageError("ask needs --message"),
                contact = options["--contact"] ?: "",
                consent = "--consent" in flags,
                language = options["--language"],
                server = serverAddress(options["--server"] ?: throw UsageError("ask needs --server URL")),
            )
            "questions" -> Command.Questions(dataDirectory, options["--server"]?.let(::serverAddress))
            else -> throw UsageError("unknown command: ${words.first()}")
        }
    }

    private val QUESTION_OPTIONS = setOf("--topic", "--country", "--message", "--contact", "--language", "--server")
    private val QUESTION_TOPICS = Topic.values().joinToString(", ") { it.code() }

    private fun serverAddress(text: String): URI =
        try {
            URI(text).also { if (it.scheme != "http" && it.scheme != "https" || it.host == null) throw URISyntaxException(text, "not http(s)") }
        } catch (e: URISyntaxException) {
            throw UsageError("--server must be an http(s) address like http://127.0.0.1:8080/ (got $text)")
        }
}
