package tj.migrantsguide.app.sync

import java.time.Clock
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.runBlocking
import tj.migrantsguide.Guide
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.sync.FeedSource

/** The window's sync: [sync] for the screens to observe; closing stops it and waits, so the guide can close next. */
class BackgroundSync(
    val sync: GuideSync,
    private val job: Job,
    private val transport: KtorTransport?,
    /** Lives as long as the sync: for whoever follows its state. */
    val scope: CoroutineScope,
    private val hasSource: Boolean = transport != null,
) : AutoCloseable {
    private val started = java.util.concurrent.atomic.AtomicBoolean(false)

    /**
     * Starts the first sync of this run, once (later calls do nothing). The window calls it after its first frame:
     * the sync's thread, its network client and the feed's parsing then do not compete with the first frame for
     * a slow machine's two cores (issue 19).
     */
    fun startFirstSync() {
        if (hasSource && started.compareAndSet(false, true)) sync.request()
    }

    override fun close() {
        // Closing the transport first ends any download at once; the run then returns quickly.
        transport?.close()
        runBlocking { job.cancelAndJoin() }
    }
}

/**
 * Prepares syncing the open guide from the app's feed (if it has one); [BackgroundSync.startFirstSync] starts it
 * without waiting: the window opens on the installed content at once. A desktop has no reliable "online" signal, so the sync simply tries; without a
 * network it ends as `Offline` within moments and the content stays as it is.
 */
fun startSyncInBackground(guide: Guide, clock: Clock): BackgroundSync {
    val job = SupervisorJob()
    val scope = CoroutineScope(job + Dispatchers.IO)
    val url = AppFeed.feedUrl()
    val transport = url?.let { KtorTransport() }
    val source = if (url != null && transport != null) lazy { FeedSource.of(url, transport, AppFeed.pinnedKeys) } else null
    val sync = GuideSync(guide, source, clock, scope)
    return BackgroundSync(sync, job, transport, scope, hasSource = source != null)
}
