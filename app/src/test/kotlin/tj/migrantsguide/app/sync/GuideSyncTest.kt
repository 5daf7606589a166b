package tj.migrantsguide.app.sync

import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset
import kotlin.io.path.createTempDirectory
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.feed.TrustedKeys
import tj.migrantsguide.sync.FeedSource
import tj.migrantsguide.sync.Rejection
import tj.migrantsguide.sync.SyncLimits
import tj.migrantsguide.sync.SyncResult

class GuideSyncTest {
    private val clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)
    private val temp: Path = createTempDirectory("guide-sync")

    @Test
    fun `a background sync publishes progress, the result and the time of the last success`() {
        val key = TestFeedHost.newKey()
        TestFeedHost.writeFeed(temp.resolve("feed"), 60, "Newer", key)
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        TestFeedHost(temp.resolve("feed")).use { host ->
            KtorTransport().use { transport ->
                openGuide(temp.resolve("data"), clock, System.err)!!.use { guide ->
                    val source = FeedSource.of(host.url, transport, TrustedKeys.of(listOf(key.publicKey())))
                    val sync = GuideSync(guide, lazyOf(source), clock, scope)
                    assertNull(sync.state.value.lastSuccess)

                    val result = runBlocking { sync.runNow() }

                    assertEquals(60, assertIs<SyncResult.Updated>(result).to())
                    val state = sync.state.value
                    assertFalse(state.running)
                    assertEquals(clock.instant(), state.lastSuccess)
                    assertEquals(state.bytesTotal, state.bytesDone)
                    assertEquals(result.describe(), state.lastResultText)
                    // A new session starts from what the last one left.
                    assertEquals(clock.instant(), GuideSync(guide, lazyOf(source), clock, scope).state.value.lastSuccess)
                }
            }
        }
        scope.cancel()
    }

    @Test
    fun `a server that falls silent mid-download is stopped through the Ktor transport`() {
        val key = TestFeedHost.newKey()
        TestFeedHost.writeFeed(temp.resolve("feed"), 60, "Newer", key)
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        TestFeedHost(temp.resolve("feed")).use { host ->
            host.faults["index.json"] = { exchange ->
                exchange.responseHeaders["Content-Type"] = listOf("application/json")
                exchange.sendResponseHeaders(200, 0)
                exchange.responseBody.write('{'.code)
                exchange.responseBody.flush()
                Thread.sleep(60_000)
            }
            KtorTransport().use { transport ->
                openGuide(temp.resolve("data"), clock, System.err)!!.use { guide ->
                    val before = guide.store().installedFeed()
                    val limits = SyncLimits(1L shl 20, 16L shl 20, Duration.ofSeconds(5), Duration.ofMillis(500),
                        Duration.ofSeconds(5), 0)
                    val source = FeedSource.of(host.url, transport, TrustedKeys.of(listOf(key.publicKey()))).withLimits(limits)

                    val result = runBlocking { GuideSync(guide, lazyOf(source), clock, scope).runNow() }

                    val timeout = assertIs<Rejection.Timeout>(assertIs<SyncResult.Rejected>(result).rejection())
                    assertEquals(Rejection.Timeout.Phase.STALLED, timeout.phase())
                    assertEquals(before, guide.store().installedFeed())
                }
            }
        }
        scope.cancel()
    }

    @Test
    fun `without a feed address nothing runs`() {
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        openGuide(temp.resolve("data"), clock, System.err)!!.use { guide ->
            val sync = GuideSync(guide, null, clock, scope)
            assertNull(runBlocking { sync.runNow() })
            assertFalse(sync.available)
        }
        scope.cancel()
    }
}
