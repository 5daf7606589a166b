package tj.migrantsguide.app.data

import java.time.Instant
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** Updating the content over the internet, as the screens see it. */
interface SyncStatus {
    val state: StateFlow<SyncState>

    /** False while this build cannot update over the internet; screens then say so instead of offering a button. */
    val available: Boolean

    /** Starts an update unless one is running; never blocks. */
    fun syncNow()
}

data class SyncState(
    val running: Boolean = false,
    /** Bytes downloaded and expected while [running]; total is null when not yet known. */
    val bytesDone: Long = 0,
    val bytesTotal: Long? = null,
    val lastResult: SyncOutcome? = null,
    /** When content last came in or was confirmed current over the internet; null when never. */
    val lastSuccess: Instant? = null,
)

/** How the last update ended, in the words the screens need. */
sealed interface SyncOutcome {
    data class Updated(val fromVersion: Long, val toVersion: Long) : SyncOutcome
    data object UpToDate : SyncOutcome
    data object Offline : SyncOutcome

    /** The feed was refused; [reason] is the named reason (e.g. `ROLLBACK`), nothing was changed. */
    data class Rejected(val reason: String) : SyncOutcome
}

/**
 * This version's [SyncStatus]: the app has no internet update yet (it arrives with the feed work), and says so.
 * The guide is complete offline with the content built in.
 */
class NoSyncYet : SyncStatus {
    private val stateFlow = MutableStateFlow(SyncState())
    override val state: StateFlow<SyncState> = stateFlow.asStateFlow()
    override val available = false
    override fun syncNow() = Unit
}
