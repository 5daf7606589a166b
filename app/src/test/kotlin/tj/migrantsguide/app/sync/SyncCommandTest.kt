package tj.migrantsguide.app.sync

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.net.ServerSocket
import java.net.URI
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import kotlin.io.path.createTempDirectory
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import tj.migrantsguide.app.cli.CommandLine
import tj.migrantsguide.app.cli.SyncExit
import tj.migrantsguide.app.cli.runCommand
import tj.migrantsguide.feed.FeedKeys

/** `migrants-guide.jar sync`: through the Ktor transport to a real HTTP server, with the app's exit codes. */
class SyncCommandTest {
    private val clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)
    private val temp: Path = createTempDirectory("sync-command")
    private val data = temp.resolve("data")
    private val key = TestFeedHost.newKey()
    private val keyFile: Path = temp.resolve("editor.public.key").also {
        Files.writeString(it, FeedKeys.writePublicKeyFile(listOf(key.publicKey())))
    }
    private val hosts = mutableListOf<TestFeedHost>()

    @AfterTest
    fun stop() = hosts.forEach { it.close() }

    private data class Run(val code: Int, val out: String, val err: String)

    private fun run(vararg args: String): Run {
        val out = ByteArrayOutputStream()
        val err = ByteArrayOutputStream()
        val command = CommandLine.parse(args.toList() + listOf("--data", data.toString()), emptyMap(), "/nonexistent")
        val code = runCommand(command, PrintStream(out, true, StandardCharsets.UTF_8), PrintStream(err, true, StandardCharsets.UTF_8), clock)
        return Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
    }

    private fun host(version: Long, title: String): TestFeedHost {
        val folder = temp.resolve("feed-$version")
        TestFeedHost.writeFeed(folder, version, title, key)
        return TestFeedHost(folder).also { hosts += it }
    }

    @Test
    fun `syncs a feed signed with a key trusted for this run and info shows the new version`() {
        val host = host(50, "Preview")

        val sync = run("sync", host.url.toString(), "--trust", keyFile.toString())

        assertEquals(SyncExit.UPDATED_OR_UP_TO_DATE, sync.code, sync.err)
        assertTrue(Regex("""updated \d+ → 50""").containsMatchIn(sync.out), sync.out)
        val info = run("info")
        assertTrue(info.out.contains("content version: 50"), info.out)
        assertTrue(info.out.contains("last successful: 2026-11-23T10:00:00Z"), info.out)
        assertTrue(!info.out.contains(key.publicKey().shortId()), "a --trust key is not remembered: ${info.out}")
    }

    @Test
    fun `without --trust only the pinned keys count`() {
        val host = host(50, "Preview")

        val sync = run("sync", host.url.toString())

        assertEquals(SyncExit.REJECTED, sync.code)
        assertTrue(sync.err.contains("rejected: UNKNOWN_KEY (signed by ${key.keyId()})"), sync.err)
    }

    @Test
    fun `an older feed exits non-zero naming ROLLBACK with both versions`() {
        assertEquals(0, run("sync", host(50, "New").url.toString(), "--trust", keyFile.toString()).code)

        val sync = run("sync", host(40, "Old").url.toString(), "--trust", keyFile.toString())

        assertEquals(SyncExit.REJECTED, sync.code)
        assertTrue(sync.err.contains("rejected: ROLLBACK (have 50, got 40)"), sync.err)
    }

    @Test
    fun `an unchanged feed is up to date`() {
        val host = host(50, "Preview")
        run("sync", host.url.toString(), "--trust", keyFile.toString())

        val again = run("sync", host.url.toString(), "--trust", keyFile.toString())

        assertEquals(SyncExit.UPDATED_OR_UP_TO_DATE, again.code, again.err)
        assertTrue(again.out.contains("up to date: version 50"), again.out)
    }

    @Test
    fun `no server means offline with its own exit code`() {
        val port = ServerSocket(0).use { it.localPort }

        val sync = run("sync", "http://127.0.0.1:$port/feed/")

        assertEquals(SyncExit.OFFLINE, sync.code)
        assertTrue(sync.err.startsWith("offline:"), sync.err)
    }

    @Test
    fun `info warns while the development key is trusted`() {
        val info = run("info")
        assertTrue(info.out.contains("WARNING: this app trusts the DEVELOPMENT key"), info.out)
        assertTrue(info.out.contains("trusted keys:    ${FeedKeys.DEVELOPMENT_KEY_ID.substring(0, 16)}"), info.out)
        // A development build pins no root: no key announced in next_keys is ever accepted (issue 18).
        assertTrue(info.out.contains("root keys:       none (announced keys are refused: UNAUTHORISED_KEYS)"), info.out)
    }

    @Test
    fun `info tells the repair of a damaged user file, like search`() {
        run("info")
        val user = data.resolve("user.db")
        val bytes = Files.readAllBytes(user)
        java.util.Arrays.fill(bytes, 0, 100, 0x5a.toByte())
        Files.write(user, bytes)

        val info = run("info")

        assertEquals(0, info.code, info.err)
        assertTrue(info.err.startsWith("note: Your data file was damaged (not a database); kept: "), info.err)
        assertEquals(1, Regex("note: Your data file").findAll(info.err).count(), info.err)
    }

    @Test
    fun `a missing key file is a usage error`() {
        val sync = run("sync", URI.create("http://127.0.0.1:1/feed/").toString(), "--trust", temp.resolve("none.key").toString())
        assertEquals(2, sync.code)
        assertTrue(sync.err.contains("no such key file"), sync.err)
    }
}
