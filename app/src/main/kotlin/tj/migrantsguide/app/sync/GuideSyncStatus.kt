package tj.migrantsguide.app.sync

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.distinctUntilChangedBy
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import tj.migrantsguide.app.data.SyncOutcome
import tj.migrantsguide.app.data.SyncState as ScreenSyncState
import tj.migrantsguide.app.data.SyncStatus
import tj.migrantsguide.sync.SyncResult

/**
 * [SyncStatus] over the window's [GuideSync]: its state in the screens' terms, and [onInstalled] called after every
 * update that installed content (the window tells `StoreGuideContent.contentChanged()`, so open screens reload).
 */
class GuideSyncStatus(
    private val sync: GuideSync,
    scope: CoroutineScope,
    onInstalled: () -> Unit,
) : SyncStatus {
    override val available: Boolean = sync.state.value.feedConfigured

    override val state: StateFlow<ScreenSyncState> =
        sync.state.map { it.forScreens() }.stateIn(scope, SharingStarted.Eagerly, sync.state.value.forScreens())

    init {
        scope.launch {
            sync.state.distinctUntilChangedBy { it.lastResult }
                .filter { it.lastResult is SyncResult.Updated }
                .collect { onInstalled() }
        }
    }

    override fun syncNow() {
        sync.request()
    }
}

internal fun SyncState.forScreens() = ScreenSyncState(
    running = running,
    bytesDone = bytesDone,
    bytesTotal = bytesTotal.takeIf { it > 0 },
    lastResult = lastResult?.outcome(),
    lastSuccess = lastSuccess,
)

internal fun SyncResult.outcome(): SyncOutcome = when (this) {
    is SyncResult.Updated -> SyncOutcome.Updated(from(), to())
    is SyncResult.UpToDate -> SyncOutcome.UpToDate(contentMayBeOutOfDate())
    is SyncResult.Offline -> SyncOutcome.Offline
    is SyncResult.Rejected -> SyncOutcome.Rejected(rejection().reason(), rejection().details())
    is SyncResult.Failed -> SyncOutcome.Failed(operation())
}
