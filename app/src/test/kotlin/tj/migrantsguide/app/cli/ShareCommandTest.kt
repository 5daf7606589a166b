package tj.migrantsguide.app.cli

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import java.util.Optional
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.TimeUnit
import kotlin.io.path.createTempDirectory
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import tj.migrantsguide.app.sync.TestFeedHost
import tj.migrantsguide.feed.CommonPack
import tj.migrantsguide.feed.CountryPack
import tj.migrantsguide.feed.FeedCodec
import tj.migrantsguide.feed.FeedKeys
import tj.migrantsguide.feed.FeedWriter
import tj.migrantsguide.feed.IndexEnvelope
import tj.migrantsguide.feed.SigningKey
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.ContactKind
import tj.migrantsguide.guide.Country
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Phone
import tj.migrantsguide.guide.Stage

/**
 * `changes`, `share`, `export-feed` and `sync DIR` (issue 17) as a person runs them: real SQLite data folders, feeds
 * on real loopback HTTP (the JDK's server for the Ministry, the app's own Jetty share server for a trainer's laptop),
 * the Ktor transport, and real folders for a USB stick.
 */
class ShareCommandTest {
    private val clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)
    private val temp: Path = createTempDirectory("share-command")
    private val key: SigningKey = TestFeedHost.newKey()
    private val keyFile: Path = temp.resolve("ministry.public.key").also {
        Files.writeString(it, FeedKeys.writePublicKeyFile(listOf(key.publicKey())))
    }
    private val hosts = mutableListOf<TestFeedHost>()
    private val threads = Executors.newCachedThreadPool()

    @AfterTest
    fun stop() {
        hosts.forEach { it.close() }
        threads.shutdownNow()
    }

    private data class Run(val code: Int, val out: String, val err: String)

    private fun run(data: Path, vararg args: String): Run {
        val out = ByteArrayOutputStream()
        val err = ByteArrayOutputStream()
        val command = CommandLine.parse(args.toList() + listOf("--data", data.toString()), emptyMap(), "/nonexistent")
        val code = runCommand(command, PrintStream(out, true, StandardCharsets.UTF_8), PrintStream(err, true, StandardCharsets.UTF_8), clock)
        return Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
    }

    /** The Ministry's feed of [version] on loopback: [second] renumbers the hotline, drops one article, adds another. */
    private fun ministry(version: Long, second: Boolean): TestFeedHost = ministries.getOrPut(version) {
        val folder = temp.resolve("ministry-$version")
        writeRussia(folder, version, second, key)
        TestFeedHost(folder).also { hosts += it }
    }

    private val ministries = HashMap<Long, TestFeedHost>()

    /** The file of [pack] in a feed folder, as its signed index lists it. */
    private fun packFile(folder: Path, pack: String): Path {
        val index = FeedCodec.readSignedBody("index.json",
            IndexEnvelope.parse("index.json", Files.readAllBytes(folder.resolve("index.json"))).signedBytes())
        return folder.resolve(index.pack(pack).orElseThrow().file())
    }

    private fun syncTrusting(data: Path, address: String): Run = run(data, "sync", address, "--trust", keyFile.toString())

    /** A device that installed the Ministry's versions 50 and then 51. */
    private fun deviceAtVersion51(name: String): Path {
        val data = temp.resolve(name)
        assertEquals(0, syncTrusting(data, ministry(50, second = false).url.toString()).code)
        val sync = syncTrusting(data, ministry(51, second = true).url.toString())
        assertEquals(0, sync.code, sync.err)
        return data
    }

    private fun deviceAtVersion(name: String, version: Long): Path {
        val data = temp.resolve(name)
        val sync = syncTrusting(data, ministry(version, second = version > 50).url.toString())
        assertEquals(0, sync.code, sync.err)
        return data
    }

    private fun version(data: Path): String = Regex("content version: (\\d+)").find(run(data, "info").out)!!.groupValues[1]

    /** `share` on loopback in the background, until the returned stop is opened; its address once it listens. */
    private inner class Sharing(data: Path) : AutoCloseable {
        private val stop = CountDownLatch(1)
        private val out = ByteArrayOutputStream()
        private val err = ByteArrayOutputStream()
        val done: Future<Int>
        val address: String

        init {
            val command = CommandLine.parse(listOf("share", "--host", "127.0.0.1", "--port", "0", "--data", data.toString()), emptyMap(), "/nonexistent")
            val request = (command as CommandLine.Command.Share).request
            done = threads.submit<Int> {
                runShareCommand(request, PrintStream(out, true, StandardCharsets.UTF_8), PrintStream(err, true, StandardCharsets.UTF_8), clock, stop)
            }
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
            var found: String? = null
            while (found == null && System.nanoTime() < deadline && !done.isDone) {
                found = Regex("address: +(\\S+)").find(printed)?.groupValues?.get(1)
                if (found == null) Thread.sleep(20)
            }
            address = found ?: error("share did not start: $printed ${err.toString(StandardCharsets.UTF_8)}")
        }

        val printed: String get() = out.toString(StandardCharsets.UTF_8)

        override fun close() {
            stop.countDown()
            assertEquals(0, done.get(10, TimeUnit.SECONDS))
        }
    }

    @Test
    fun `a changed number, an added and a removed article each appear once in changes after a real sync`() {
        val data = deviceAtVersion51("device")

        val changes = run(data, "changes", "--since", "50", "--lang", "en")

        assertEquals(0, changes.code, changes.err)
        val lines = changes.out.lines()
        assertEquals(1, lines.count { it.startsWith("version 50 → 51") }, changes.out)
        assertEquals(1, lines.count { it.contains("number changed: [-227-07-07-07-] {+227-07-07-08+}") }, changes.out)
        assertEquals(1, lines.count { it.contains("added   article RU/work-patent \"Work patent\"") }, changes.out)
        assertEquals(1, lines.count { it.contains("removed article RU/registration-15-days") }, changes.out)
        assertTrue(lines.first().contains("2 articles, 1 contact, 1 phone number changed (en)"), changes.out)
        // Numbers first: the renumbered hotline is the first item listed.
        assertTrue(lines[1].contains("contact RU/trafficking-hotline-227"), changes.out)
        // Each language has its own list; Tajik's shows the same three changes in Tajik.
        val tajik = run(data, "changes", "--since", "50", "--lang", "tg")
        assertEquals(1, tajik.out.lines().count { it.contains("RU/work-patent \"Ҳуҷҷат (tg)\"") }, tajik.out)
        assertEquals("no updates after version 51\n", run(data, "changes", "--since", "51").out)
    }

    @Test
    fun `sync prints what changed in one line after an update`() {
        val data = temp.resolve("device")
        syncTrusting(data, ministry(50, second = false).url.toString())

        val sync = syncTrusting(data, ministry(51, second = true).url.toString())

        assertTrue(sync.out.contains("what changed: 2 articles, 1 contact, 1 phone number changed (tg; details: changes --since 50)"), sync.out)
    }

    @Test
    fun `a second device syncs from the share command over loopback and checks the Ministry's signature`() {
        val sharer = deviceAtVersion51("trainer")
        val receiver = deviceAtVersion("student", 50)

        Sharing(sharer).use { share ->
            assertTrue(share.printed.contains("signed by:   key ${key.keyId().substring(0, 8)}…"), share.printed)
            val sync = syncTrusting(receiver, share.address)
            assertEquals(SyncExit.UPDATED_OR_UP_TO_DATE, sync.code, sync.err)
            assertTrue(sync.out.contains("updated 50 → 51"), sync.out)
        }
        assertEquals("51", version(receiver))
        val changes = run(receiver, "changes", "--lang", "en").out
        assertEquals(1, changes.lines().count { it.contains("RU/work-patent") }, changes)
    }

    @Test
    fun `without the Ministry's key the receiver refuses what a sharer serves`() {
        val sharer = deviceAtVersion51("trainer")
        val receiver = temp.resolve("student")

        Sharing(sharer).use { share ->
            val sync = run(receiver, "sync", share.address)
            assertEquals(SyncExit.REJECTED, sync.code)
            assertTrue(sync.err.contains("rejected: UNKNOWN_KEY"), sync.err)
        }
    }

    @Test
    fun `a sharer whose packs were altered on disk is refused with TAMPERED_PACK and the receiver keeps its content`() {
        val sharer = deviceAtVersion51("trainer")
        val receiver = deviceAtVersion("student", 50)
        val before = run(receiver, "search", "Registration").out

        Sharing(sharer).use { share ->
            // The trainer's kept pack for RU-en, changed after sharing started (same size, one byte).
            val pack = packFile(sharer.resolve("sync/feed"), "RU-en")
            val bytes = Files.readAllBytes(pack)
            val at = String(bytes, StandardCharsets.UTF_8).indexOf("227-07-07-08") + 11
            bytes[at] = '9'.code.toByte()
            Files.write(pack, bytes)

            val sync = syncTrusting(receiver, share.address)

            assertEquals(SyncExit.REJECTED, sync.code)
            assertTrue(sync.err.contains("rejected: TAMPERED_PACK"), sync.err)
        }
        assertEquals("50", version(receiver))
        assertEquals(before, run(receiver, "search", "Registration").out)
        assertTrue(run(receiver, "changes", "--since", "50").out.startsWith("no updates after version 50"))
    }

    @Test
    fun `an older sharer is refused with ROLLBACK`() {
        val sharer = deviceAtVersion("old-laptop", 50)
        val receiver = deviceAtVersion51("student")

        Sharing(sharer).use { share ->
            val sync = syncTrusting(receiver, share.address)
            assertEquals(SyncExit.REJECTED, sync.code)
            assertTrue(sync.err.contains("rejected: ROLLBACK (have 51, got 50)"), sync.err)
        }
        assertEquals("51", version(receiver))
    }

    @Test
    fun `export-feed writes a folder another device syncs from, by path and by file URL, with progress`() {
        val sharer = deviceAtVersion51("trainer")
        val stick = temp.resolve("usb stick")

        val export = run(sharer, "export-feed", stick.toString())

        assertEquals(0, export.code, export.err)
        assertTrue(export.out.contains("wrote version 51 to $stick"), export.out)
        val byPath = run(temp.resolve("laptop-1"), "sync", stick.toString(), "--trust", keyFile.toString())
        assertEquals(SyncExit.UPDATED_OR_UP_TO_DATE, byPath.code, byPath.err)
        assertTrue(byPath.err.contains(" bytes"), "progress lines as for a download: ${byPath.err}")
        val byUrl = run(temp.resolve("laptop-2"), "sync", stick.toUri().toString(), "--trust", keyFile.toString())
        assertEquals(SyncExit.UPDATED_OR_UP_TO_DATE, byUrl.code, byUrl.err)
        assertEquals("51", version(temp.resolve("laptop-2")))
    }

    @Test
    fun `sync DIR with a missing pack is refused by name and changes nothing`() {
        val stick = temp.resolve("stick")
        run(deviceAtVersion51("trainer"), "export-feed", stick.toString())
        // A pack the receiver at version 50 needs (the common pack is the same in both versions).
        val pack = packFile(stick, "RU-en")
        Files.delete(pack)
        val receiver = deviceAtVersion("student", 50)

        val sync = run(receiver, "sync", stick.toString(), "--trust", keyFile.toString())

        assertEquals(SyncExit.REJECTED, sync.code)
        assertTrue(sync.err.contains("rejected: MISSING_FILE (packs/${pack.fileName} is not in the folder)"), sync.err)
        assertEquals("50", version(receiver))
    }

    @Test
    fun `sync DIR with a symlink leaving the folder is refused by name`() {
        val stick = temp.resolve("stick")
        run(deviceAtVersion51("trainer"), "export-feed", stick.toString())
        // A pack the receiver at version 50 needs (the common pack is the same in both versions).
        val pack = packFile(stick, "RU-en")
        val outside = Files.copy(pack, temp.resolve("elsewhere.json"))
        Files.delete(pack)
        Files.createSymbolicLink(pack, outside)
        val receiver = deviceAtVersion("student", 50)

        val sync = run(receiver, "sync", stick.toString(), "--trust", keyFile.toString())

        assertEquals(SyncExit.REJECTED, sync.code)
        assertTrue(sync.err.contains("rejected: OUTSIDE_FOLDER (packs/${pack.fileName} leads outside the folder"), sync.err)
        assertEquals("50", version(receiver))
    }

    @Test
    fun `a wrong request is a usage error`() {
        for (args in listOf(listOf("changes", "--since", "soon"), listOf("share", "--port", "70000"), listOf("export-feed"),
            listOf("changes", "--port", "1"))) {
            val error = runCatching { CommandLine.parse(args, emptyMap(), "/nonexistent") }.exceptionOrNull()
            assertTrue(error is CommandLine.UsageError, "$args: $error")
        }
    }

    companion object {
        private val PUBLISHED: Instant = Instant.parse("2026-11-01T00:00:00Z")

        /**
         * Russia in three languages (clearly test content): an article and the hotline 227-07-07-07; the second
         * version has the hotline at 227-07-07-08, the article replaced by "Work patent".
         */
        fun writeRussia(folder: Path, version: Long, second: Boolean, key: SigningKey) {
            val common = CommonPack(listOf(Country("RU", mapOf(Language.ENGLISH to "Russia", Language.RUSSIAN to "Россия", Language.TAJIK to "Русия"), 1)))
            val checked = Optional.of(LocalDate.of(2026, 11, 1))
            val packs = Language.values().map { language ->
                val article = if (second) {
                    val title = mapOf(Language.ENGLISH to "Work patent", Language.RUSSIAN to "Патент", Language.TAJIK to "Ҳуҷҷат")
                    Article("work-patent", "RU", Stage.ABROAD, language, "${title[language]} (${language.code()})".removeSuffix(" (en)"),
                        "Test body ${language.code()}", listOf("test"), checked, 1)
                } else {
                    Article("registration-15-days", "RU", Stage.ABROAD, language, "Registration (${language.code()})",
                        "Test body ${language.code()}", listOf("test"), checked, 1)
                }
                val hotline = Contact("trafficking-hotline-227", "RU", ContactKind.HOTLINE, language, "Hotline ${language.code()}",
                    listOf(Phone("", if (second) "227-07-07-08" else "227-07-07-07")), "", "", "", "", "", "", listOf("test"),
                    checked, true, 2)
                CountryPack("RU", language, listOf(article), listOf(hotline), listOf())
            }
            FeedWriter.write(folder, version, PUBLISHED.plusSeconds(version), PUBLISHED.plusSeconds(180L * 86_400), common, packs, listOf(), listOf(key))
        }
    }
}
