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
        assertEquals(tj.migrantsguide.app.data.ThemeChoice.DARK, request.theme)
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
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no country ZZ in the guide (have: RU"))
    }
}
