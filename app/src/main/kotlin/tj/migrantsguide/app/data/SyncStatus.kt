package tj.migrantsguide.app.data

import java.time.Instant
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import tj.migrantsguide.sync.Rejection

/** Updating the content over the internet, as the screens see it. */
interface SyncStatus {
    val state: StateFlow<SyncState>

    /** False when this build has no feed address; screens then say so instead of offering a button. */
    val available: Boolean

    /** Starts an update unless one is running; never blocks. */
    fun syncNow()
}

data class SyncState(
    val running: Boolean = false,
    /** Bytes downloaded and expected while [running]; total is null when not yet known. */
    val bytesDone: Long = 0,
    val bytesTotal: Long? = null,
    /** How the last update of this session ended; null before one has. */
    val lastResult: SyncOutcome? = null,
    /** The last update's result in words, also from before a restart (the sync history); null when never. */
    val lastResultText: String? = null,
    /** When content last came in or was confirmed current over the internet (across restarts); null when never. */
    val lastSuccess: Instant? = null,
)

/** How an update ended, in the terms the screens put into words. */
sealed interface SyncOutcome {
    data class Updated(val fromVersion: Long, val toVersion: Long) : SyncOutcome

    /** Nothing newer on the server; [mayBeOutdated] when even the server's content has passed its date. */
    data class UpToDate(val mayBeOutdated: Boolean) : SyncOutcome
    data object Offline : SyncOutcome

    /** The feed was refused for [reason] ([details]: the data that shows it); nothing was changed. */
    data class Rejected(val reason: Rejection.Reason, val details: String) : SyncOutcome

    /** Something unexpected went wrong on this device; nothing was changed. */
    data class Failed(val what: String) : SyncOutcome
}

/** A sync that never runs: a build without a feed address (and the screenshots, which show an idle device). */
class IdleSync(override val available: Boolean) : SyncStatus {
    private val stateFlow = MutableStateFlow(SyncState())
    override val state: StateFlow<SyncState> = stateFlow.asStateFlow()
    override fun syncNow() = Unit
}
