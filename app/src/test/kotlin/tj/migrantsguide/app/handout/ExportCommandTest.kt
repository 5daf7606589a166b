package tj.migrantsguide.app.handout

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.createTempDirectory
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import tj.migrantsguide.app.cli.CommandLine
import tj.migrantsguide.app.cli.ExportRequest
import tj.migrantsguide.app.cli.runCommand
import tj.migrantsguide.app.testClock
import tj.migrantsguide.guide.Language

class ExportCommandTest {
    private val data: Path = createTempDirectory("export-data")
    private val folder: Path = createTempDirectory("export-out")

    private class Run(val code: Int, val out: String, val err: String)

    private fun export(vararg args: String): Run {
        val out = ByteArrayOutputStream()
        val err = ByteArrayOutputStream()
        val command = CommandLine.parse(listOf("export", *args, "--data", data.toString()), emptyMap(), "/home/nobody")
        val code = runCommand(command, PrintStream(out, true, StandardCharsets.UTF_8), PrintStream(err, true, StandardCharsets.UTF_8), testClock)
        return Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
    }

    @Test
    fun `export reads a checklist or a country, a language and a file`() {
        val command = CommandLine.parse(
            listOf("export", "--checklist", "before-you-leave-ru", "--lang", "tg", "--out", "a.pdf", "--data", "/tmp/d"),
            emptyMap(),
            "/home/nobody",
        )
        assertEquals(
            CommandLine.Command.Export(
                ExportRequest(HandoutRequest.Checklist("before-you-leave-ru"), Language.TAJIK, Path.of("a.pdf"), Path.of("/tmp/d"), overwrite = false),
            ),
            command,
        )
        val contacts = CommandLine.parse(listOf("export", "--contacts", "ru", "--lang", "en", "--out", "b.PDF", "--force"), emptyMap(), "/home/nobody")
        assertEquals(HandoutRequest.Contacts("RU"), (contacts as CommandLine.Command.Export).request.handout)
        assertTrue(contacts.request.overwrite)
    }

    @Test
    fun `export refuses an incomplete or contradictory request, in words`() {
        fun refused(vararg args: String): String =
            assertFailsWith<CommandLine.UsageError> { CommandLine.parse(listOf("export", *args), emptyMap(), "/h") }.message!!
        assertTrue(refused("--lang", "tg", "--out", "a.pdf").contains("--checklist ID or --contacts COUNTRY"))
        assertTrue(refused("--checklist", "x", "--contacts", "RU", "--lang", "tg", "--out", "a.pdf").contains("not both"))
        assertTrue(refused("--contacts", "RU", "--out", "a.pdf").contains("--lang"))
        assertTrue(refused("--contacts", "RU", "--lang", "fr", "--out", "a.pdf").contains("tg, ru or en"))
        assertTrue(refused("--contacts", "RU", "--lang", "tg").contains("--out"))
        assertTrue(refused("--contacts", "RU", "--lang", "tg", "--out", "a.png").contains(".pdf"))
        assertTrue(refused("--contacts", "--lang", "tg", "--out", "a.pdf").contains("--contacts needs a value"))
        assertTrue(refused("--contacts", "RU", "--lang", "tg", "--out", "a.pdf", "--colour").contains("unknown option"))
    }

    @Test
    fun `export writes the handout as a pdf with the tajik text and the numbers`() {
        val file = folder.resolve("contacts-RU-tg.pdf")
        val run = export("--contacts", "RU", "--lang", "tg", "--out", file.toString())
        assertEquals(0, run.code, run.err)
        assertTrue(run.out.startsWith("wrote $file"), run.out)
        val text = Loader.loadPDF(file.toFile()).use { PDFTextStripper().getText(it) }
        assertTrue(text.contains("227-07-07-07"), text)
        assertTrue(text.contains("Рақамҳо ва суроғаҳое"), text)
        assertEquals(listOf(file), Files.list(folder).use { it.toList() }, "nothing but the handout is left behind")
    }

    @Test
    fun `export keeps an existing file unless told to replace it`() {
        val file = folder.resolve("list.pdf")
        Files.writeString(file, "the trainer's own file")
        val refused = export("--checklist", "before-you-leave-ru", "--lang", "ru", "--out", file.toString())
        assertEquals(2, refused.code)
        assertTrue(refused.err.contains("--force"), refused.err)
        assertEquals("the trainer's own file", Files.readString(file))

        val replaced = export("--checklist", "before-you-leave-ru", "--lang", "ru", "--out", file.toString(), "--force")
        assertEquals(0, replaced.code, replaced.err)
        assertContentEquals("%PDF".toByteArray(), Files.readAllBytes(file).copyOf(4))
    }

    @Test
    fun `an unknown checklist or country is refused, naming the ones there are, and writes nothing`() {
        val file = folder.resolve("x.pdf")
        val noList = export("--checklist", "before-you-go", "--lang", "en", "--out", file.toString())
        assertEquals(2, noList.code)
        assertTrue(noList.err.contains("no checklist 'before-you-go'") && noList.err.contains("before-you-leave-ru (RU)"), noList.err)
        val noCountry = export("--contacts", "XX", "--lang", "en", "--out", file.toString())
        assertEquals(2, noCountry.code)
        assertTrue(noCountry.err.contains("no country 'XX'") && noCountry.err.contains("RU"), noCountry.err)
        assertEquals(emptyList(), Files.list(folder).use { it.toList() })
    }
}
