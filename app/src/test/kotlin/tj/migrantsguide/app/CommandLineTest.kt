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

    @Test
    fun `sync takes the feed address and a key file trusted for that run`() {
        assertEquals(
            CommandLine.Command.Sync(Path.of("/tmp/x"), java.net.URI.create("https://example.org/feed/"), Path.of("k.pub")),
            CommandLine.parse(listOf("sync", "https://example.org/feed/", "--trust", "k.pub", "--data", "/tmp/x"), emptyMap(), home),
        )
    }

    @Test
    fun `sync needs an http address and --trust goes only with sync`() {
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("sync"), emptyMap(), home) }
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("sync", "ftp://x/feed"), emptyMap(), home) }
        assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("info", "--trust", "k.pub"), emptyMap(), home) }
    }
}
