package tj.migrantsguide.app.sync

import java.time.Clock
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.distinctUntilChangedBy
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.SyncOutcome
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.data.SyncStatus
import tj.migrantsguide.sync.FeedSource
import tj.migrantsguide.sync.Sync
import tj.migrantsguide.sync.SyncHistory
import tj.migrantsguide.sync.SyncResult

/**
 * Runs [Sync] for the open guide in the background: at start and when the user asks. Reading the guide never waits
 * for it; a request while a sync runs joins that sync instead of starting a second one.
 */
class GuideSync(
    private val guide: Guide,
    /** Made at the first sync: its pinned keys load the JDK's security providers, which the first frame need not wait for. */
    private val source: Lazy<FeedSource>?,
    private val clock: Clock,
    private val scope: CoroutineScope,
) : SyncStatus {
    private val mutableState = MutableStateFlow(initialState())
    override val state: StateFlow<SyncState> = mutableState.asStateFlow()
    override val available: Boolean = source != null
    private var running: Job? = null

    /** The last run's result as shared's [Sync] gave it (the screens see it as a [SyncOutcome]). */
    @Volatile
    private var lastRun: SyncResult? = null

    override fun syncNow() {
        request()
    }

    /** Starts a sync unless one is running (then returns that one). Does nothing without a feed address. */
    @Synchronized
    fun request(): Job {
        running?.takeIf { it.isActive }?.let { return it }
        val job = scope.launch(Dispatchers.IO) { runOnce() }
        running = job
        return job
    }

    /** Runs (or joins) a sync and returns its result; null when no feed is configured. */
    suspend fun runNow(): SyncResult? {
        request().join()
        return lastRun
    }

    /** Calls [action] after every update that installed content (the window reloads the open screens). */
    fun onInstalled(scope: CoroutineScope, action: () -> Unit) {
        scope.launch {
            state.distinctUntilChangedBy { it.lastResult }
                .filter { it.lastResult is SyncOutcome.Updated }
                .collect { action() }
        }
    }

    private fun runOnce() {
        val source = source?.value ?: return
        mutableState.update { it.copy(running = true, bytesDone = 0, bytesTotal = null) }
        val result = try {
            Sync.run(guide.store(), guide.dataDirectory(), source, clock) { done, total ->
                mutableState.update { it.copy(bytesDone = done, bytesTotal = total.takeIf { it > 0 }) }
            }
        } catch (e: RuntimeException) {
            // Sync turns everything it expects into a result; this is a bug, and the screen must still recover.
            SyncResult.Failed("sync", e.toString())
        }
        val history = SyncHistory.read(guide.dataDirectory())
        lastRun = result
        mutableState.update {
            it.copy(
                running = false,
                lastResult = result.outcome(),
                lastResultText = result.describe(),
                lastSuccess = history.lastSuccess().orElse(it.lastSuccess),
            )
        }
    }

    private fun initialState(): SyncState {
        val history = SyncHistory.read(guide.dataDirectory())
        return SyncState(
            lastResultText = history.lastResult().orElse(null),
            lastSuccess = history.lastSuccess().orElse(null),
        )
    }
}

internal fun SyncResult.outcome(): SyncOutcome = when (this) {
    is SyncResult.Updated -> SyncOutcome.Updated(from(), to())
    is SyncResult.UpToDate -> SyncOutcome.UpToDate(contentMayBeOutOfDate())
    is SyncResult.Offline -> SyncOutcome.Offline
    is SyncResult.Rejected -> SyncOutcome.Rejected(rejection().reason(), rejection().details())
    is SyncResult.Failed -> SyncOutcome.Failed(operation())
}
