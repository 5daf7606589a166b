package tj.migrantsguide.app.classmode

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import tj.migrantsguide.app.data.ItemRef
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.data.UserData

/**
 * The class's own person for one class-mode session: ticks live in memory and end with the session; bookmarks
 * and "recently viewed" are not kept at all. It never holds a reference to the device owner's [UserData], so
 * nothing a trainer does in front of a class can reach the owner's ticks, bookmarks, history or questions,
 * whichever implementation of [UserData] the app runs on.
 */
class SessionUserData(initial: Settings) : UserData {
    private val settingsFlow = MutableStateFlow(initial.copy(window = null))
    private val ticksFlow = MutableStateFlow<Map<ItemRef, Set<String>>>(emptyMap())
    private val none = MutableStateFlow<List<ItemRef>>(emptyList())

    override val settings: StateFlow<Settings> = settingsFlow.asStateFlow()
    override fun updateSettings(change: (Settings) -> Settings) = settingsFlow.update(change)

    override val ticks: StateFlow<Map<ItemRef, Set<String>>> = ticksFlow.asStateFlow()

    override fun setTicked(checklist: ItemRef, itemId: String, ticked: Boolean) = ticksFlow.update { all ->
        val now = all[checklist].orEmpty().let { if (ticked) it + itemId else it - itemId }
        if (now.isEmpty()) all - checklist else all + (checklist to now)
    }

    override fun resetTicks(checklist: ItemRef) = ticksFlow.update { it - checklist }

    // A class has no bookmarks and no history: both stay empty whatever is asked.
    override val bookmarks: StateFlow<List<ItemRef>> = none.asStateFlow()
    override fun setBookmarked(item: ItemRef, bookmarked: Boolean) = Unit
    override val recent: StateFlow<List<ItemRef>> = none.asStateFlow()
    override fun markViewed(item: ItemRef) = Unit
}
