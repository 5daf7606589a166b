package tj.migrantsguide.app.sync

import java.time.Clock
import java.time.Instant
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import tj.migrantsguide.Guide
import tj.migrantsguide.sync.FeedSource
import tj.migrantsguide.sync.Sync
import tj.migrantsguide.sync.SyncHistory
import tj.migrantsguide.sync.SyncResult

/**
 * What a screen shows about syncing. Immutable; [GuideSync.state] publishes a new one on every change.
 *
 * @property bytesTotal -1 while the size is not known yet (the index is downloading)
 * @property lastResult the result of the last run in this session, null before the first one ends
 * @property lastResultText the last run's result in words, also from before a restart
 * @property lastSuccess when the device last had the newest content (updated or up to date), across restarts
 */
data class SyncState(
    val feedConfigured: Boolean,
    val running: Boolean = false,
    val bytesDone: Long = 0,
    val bytesTotal: Long = -1,
    val lastResult: SyncResult? = null,
    val lastResultText: String? = null,
    val lastSuccess: Instant? = null,
)

/**
 * Runs [Sync] for the open guide in the background: at start and when the user asks. Reading the guide never waits
 * for it; a request while a sync runs joins that sync instead of starting a second one.
 */
class GuideSync(
    private val guide: Guide,
    private val source: FeedSource?,
    private val clock: Clock,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(initialState())
    val state: StateFlow<SyncState> = mutableState.asStateFlow()
    private var running: Job? = null

    /** Starts a sync unless one is running (then returns that one). Does nothing without a feed address. */
    @Synchronized
    fun request(): Job {
        running?.takeIf { it.isActive }?.let { return it }
        val job = scope.launch(Dispatchers.IO) { runOnce() }
        running = job
        return job
    }

    /** Runs (or joins) a sync and returns its result; null when no feed is configured. */
    suspend fun syncNow(): SyncResult? {
        request().join()
        return state.value.lastResult
    }

    private fun runOnce() {
        val source = source ?: return
        mutableState.update { it.copy(running = true, bytesDone = 0, bytesTotal = -1) }
        val result = try {
            Sync.run(guide.store(), guide.dataDirectory(), source, clock) { done, total ->
                mutableState.update { it.copy(bytesDone = done, bytesTotal = total) }
            }
        } catch (e: RuntimeException) {
            // Sync turns everything it expects into a result; this is a bug, and the screen must still recover.
            SyncResult.Failed("sync", e.toString())
        }
        val history = SyncHistory.read(guide.dataDirectory())
        mutableState.update {
            it.copy(
                running = false,
                lastResult = result,
                lastResultText = result.describe(),
                lastSuccess = history.lastSuccess().orElse(it.lastSuccess),
            )
        }
    }

    private fun initialState(): SyncState {
        val history = SyncHistory.read(guide.dataDirectory())
        return SyncState(
            feedConfigured = source != null,
            lastResultText = history.lastResult().orElse(null),
            lastSuccess = history.lastSuccess().orElse(null),
        )
    }
}
