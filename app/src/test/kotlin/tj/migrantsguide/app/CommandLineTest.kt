package tj.migrantsguide.app

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import kotlin.io.path.createTempDirectory
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import tj.migrantsguide.app.cli.CommandLine
import tj.migrantsguide.app.cli.runCommand
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.Theme

class CommandLineTest {
    private val home = "/home/someone"

    @Test
    fun `no command opens the window in the home folder`() {
        assertEquals(
            CommandLine.Command.Window(Path.of("/home/someone/.migrants-guide")),
            CommandLine.parse(emptyList(), emptyMap(), home),
        )
    }

    @Test
    fun `data option wins over the environment`() {
        assertEquals(
            CommandLine.Command.Info(Path.of("/tmp/x")),
            CommandLine.parse(listOf("info", "--data", "/tmp/x"), mapOf("MIGRANTS_GUIDE_HOME" to "/tmp/y"), home),
        )
    }

    @Test
    fun `unknown command is a usage error`() {
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("fly"), emptyMap(), home) }
    }

    @Test
    fun `info prints the embedded content counts from a fresh data folder`() {
        val data = createTempDirectory("guide-info")
        val out = ByteArrayOutputStream()
        val code = runCommand(
            CommandLine.Command.Info(data),
            PrintStream(out, true, StandardCharsets.UTF_8),
            PrintStream(ByteArrayOutputStream()),
        )
        val text = out.toString(StandardCharsets.UTF_8)
        assertEquals(0, code, text)
        assertTrue(text.contains("data directory:  $data"), text)
        assertTrue(Regex("""content version: \d+""").containsMatchIn(text), text)
        assertTrue(Regex("""items per language: tg [1-9]\d*, ru [1-9]\d*, en [1-9]\d*""").containsMatchIn(text), text)
        // The tests' build pins the development key, and says so on the second line (issue 18).
        assertEquals("DEVELOPMENT BUILD: trusts the development key", text.lines()[1], text)
    }

    @Test
    fun `sync takes the feed address and a key file trusted for that run`() {
        assertEquals(
            CommandLine.Command.Sync(Path.of("/tmp/x"), java.net.URI.create("https://example.org/feed/"), Path.of("k.pub")),
            CommandLine.parse(listOf("sync", "https://example.org/feed/", "--trust", "k.pub", "--data", "/tmp/x"), emptyMap(), home),
        )
    }

    @Test
    fun `ask takes the question from its options`() {
        assertEquals(
            CommandLine.Command.Ask(
                Path.of("/tmp/x"), "health", "RU", "Где найти врача?", "+7 000 000 00 00", true, null,
                java.net.URI("http://127.0.0.1:8080/"),
            ),
            CommandLine.parse(
                listOf(
                    "ask", "--topic", "health", "--country", "RU", "--message", "Где найти врача?",
                    "--contact", "+7 000 000 00 00", "--consent", "--server", "http://127.0.0.1:8080/", "--data", "/tmp/x",
                ),
                emptyMap(), home,
            ),
        )
    }

    @Test
    fun `sync needs an http address and --trust goes only with sync`() {
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("sync"), emptyMap(), home) }
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("sync", "ftp://x/feed"), emptyMap(), home) }
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("info", "--trust", "k.pub"), emptyMap(), home) }
    }

    @Test
    fun `search takes the rest of the words and a language`() {
        assertEquals(
            CommandLine.Command.Search(Path.of("/tmp/x"), "ҳуҷҷат хориҷӣ", Language.RUSSIAN),
            CommandLine.parse(listOf("search", "ҳуҷҷат", "--lang", "ru", "хориҷӣ", "--data", "/tmp/x"), emptyMap(), home),
        )
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("search"), emptyMap(), home) }
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("search", "x", "--lang", "fr"), emptyMap(), home) }
    }

    @Test
    fun `search prints the hits of the embedded content with the match marked`() {
        val data = createTempDirectory("guide-search")
        val (code, text) = run(CommandLine.Command.Search(data, "мухочират", Language.TAJIK))
        assertEquals(0, code, text)
        // The Tajik words typed without Tajik letters, found and marked in the original text.
        assertTrue(Regex("""\d+ hits? for "мухочират" \(tg first\)""").containsMatchIn(text), text)
        assertTrue(text.contains("«"), text)
        val (phoneCode, phoneText) = run(CommandLine.Command.Search(data, "2270707", null))
        assertEquals(0, phoneCode, phoneText)
        assertTrue(phoneText.contains("«227-07-07»-07"), phoneText)
    }

    @Test
    fun `search says so when nothing matches`() {
        val data = createTempDirectory("guide-search-none")
        val (code, text) = run(CommandLine.Command.Search(data, "\"zzqxv* NEAR( -- 🙂", Language.ENGLISH))
        assertEquals(0, code, text)
        assertTrue(text.startsWith("no results"), text)
    }

    private fun run(command: CommandLine.Command): Pair<Int, String> {
        val out = ByteArrayOutputStream()
        val code = runCommand(command, PrintStream(out, true, StandardCharsets.UTF_8), PrintStream(ByteArrayOutputStream()))
        return code to out.toString(StandardCharsets.UTF_8)
    }

    @Test
    fun `ask needs a server address`() {
        assertFailsWith<CommandLine.UsageError> {
            CommandLine.parse(listOf("ask", "--topic", "health", "--country", "RU", "--message", "m"), emptyMap(), home)
        }
        assertFailsWith<CommandLine.UsageError> {
            CommandLine.parse(
                listOf("ask", "--topic", "health", "--country", "RU", "--message", "m", "--server", "ftp://x/"),
                emptyMap(), home,
            )
        }
    }

    @Test
    fun `a question asked offline is kept and listed as waiting`() {
        val data = createTempDirectory("guide-ask")
        val nobodyListens = java.net.ServerSocket(0).use { "http://127.0.0.1:${it.localPort}/" }
        val asked = ByteArrayOutputStream()
        val askCode = runCommand(
            CommandLine.parse(
                listOf("ask", "--topic", "registration", "--country", "RU", "--message", "Бақайдгирӣ дар куҷо мешавад?",
                    "--server", nobodyListens, "--data", data.toString()),
                emptyMap(), home,
            ),
            PrintStream(asked, true, StandardCharsets.UTF_8),
            PrintStream(ByteArrayOutputStream()),
        )
        val listed = ByteArrayOutputStream()
        val listCode = runCommand(
            CommandLine.Command.Questions(data, null),
            PrintStream(listed, true, StandardCharsets.UTF_8),
            PrintStream(ByteArrayOutputStream()),
        )

        val askText = asked.toString(StandardCharsets.UTF_8)
        val listText = listed.toString(StandardCharsets.UTF_8)
        assertEquals(0, askCode, askText)
        assertTrue(askText.contains("This is not an emergency service"), askText)
        assertTrue(askText.contains("Saved on this device as question #1."), askText)
        assertTrue(askText.contains("Not sent yet (no connection)"), askText)
        assertEquals(0, listCode, listText)
        assertTrue(listText.contains("registration · RU · tg  [waiting to send"), listText)
        assertTrue(listText.contains("Q: Бақайдгирӣ дар куҷо мешавад?"), listText)
    }

    @Test
    fun `a question that breaks the rules is not saved and the problem is named`() {
        val data = createTempDirectory("guide-ask")
        val err = ByteArrayOutputStream()
        val code = runCommand(
            CommandLine.parse(
                listOf("ask", "--topic", "visa", "--country", "RU", "--message", "Помогите", "--server",
                    "http://127.0.0.1:9/", "--data", data.toString()),
                emptyMap(), home,
            ),
            PrintStream(ByteArrayOutputStream()),
            PrintStream(err, true, StandardCharsets.UTF_8),
        )

        val text = err.toString(StandardCharsets.UTF_8)
        assertEquals(2, code, text)
        assertTrue(text.contains("--topic: Choose one of the topics in the list."), text)
        assertTrue(text.contains("--message: Write at least 10 characters (now 8)."), text)
    }
}

class ScreenshotCommandTest {
    @Test
    fun `screenshot options are read, with phone-sized defaults`() {
        val command = CommandLine.parse(
            listOf("screenshot", "--screen", "contacts", "--lang", "ru", "--dark", "--font-scale", "2", "--out", "x.png"),
            emptyMap(), "/home/someone",
        ) as CommandLine.Command.TakeScreenshot
        val request = command.request
        assertEquals("contacts", request.screen)
        assertEquals(tj.migrantsguide.guide.Language.RUSSIAN, request.language)
        assertEquals(Theme.DARK, request.theme)
        assertEquals(2f, request.fontScale)
        assertEquals(412, request.width)
        assertEquals(915, request.height)
        assertEquals(null, request.dataDirectory)
    }

    @Test
    fun `screenshot refuses what it cannot do, in words`() {
        val home = "/home/someone"
        for (args in listOf(
            listOf("screenshot", "--lang", "tg", "--out", "x.png"),
            listOf("screenshot", "--screen", "nowhere", "--lang", "tg", "--out", "x.png"),
            listOf("screenshot", "--screen", "home", "--lang", "fr", "--out", "x.png"),
            listOf("screenshot", "--screen", "home", "--lang", "tg"),
            listOf("screenshot", "--screen", "home", "--lang", "tg", "--out", "x.png", "--font-scale", "-1"),
            listOf("screenshot", "--screen", "home", "--lang", "tg", "--out", "x.png", "--dark", "--high-contrast"),
        )) {
            assertFailsWith<CommandLine.UsageError>(args.toString()) { CommandLine.parse(args, emptyMap(), home) }
        }
    }

    @Test
    fun `screenshot writes a phone-sized PNG from the built-in content without a display`() {
        val dir = createTempDirectory("guide-shot")
        val png = dir.resolve("home-tg.png")
        val err = ByteArrayOutputStream()
        val code = runCommand(
            CommandLine.parse(listOf("screenshot", "--screen", "home", "--lang", "tg", "--out", png.toString(), "--data", dir.resolve("data").toString())),
            PrintStream(ByteArrayOutputStream()),
            PrintStream(err, true, StandardCharsets.UTF_8),
        )
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8))
        val image = javax.imageio.ImageIO.read(png.toFile())
        assertEquals(412, image.width)
        assertEquals(915, image.height)
    }

    @Test
    fun `screenshot of a country the guide lacks fails with the countries it has`() {
        val dir = createTempDirectory("guide-shot")
        val err = ByteArrayOutputStream()
        val code = runCommand(
            CommandLine.parse(listOf("screenshot", "--screen", "home", "--lang", "tg", "--country", "ZZ", "--out", dir.resolve("x.png").toString())),
            PrintStream(ByteArrayOutputStream()),
            PrintStream(err, true, StandardCharsets.UTF_8),
        )
        assertEquals(1, code)
        val text = err.toString(StandardCharsets.UTF_8)
        assertTrue(text.contains("no country ZZ in the guide (have: ") && text.contains("RU"), text)
    }
}
