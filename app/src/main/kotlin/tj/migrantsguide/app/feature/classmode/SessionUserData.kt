package tj.migrantsguide.app.feature.classmode

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.Person
import tj.migrantsguide.store.RecoveryNotice

/**
 * The class's own person for one class-mode session: ticks live in memory and end with the session; bookmarks
 * and "recently viewed" are not kept at all. It never holds a reference to the device owner's [UserData], so
 * nothing a trainer does in front of a class can reach the owner's ticks, bookmarks, history or questions,
 * whichever implementation of [UserData] the app runs on.
 */
class SessionUserData(initial: Settings) : UserData {
    private val settingsFlow = MutableStateFlow(initial.copy(window = null))
    private val ticksByList = MutableStateFlow<Map<ItemRef, Set<String>>>(emptyMap())
    private val revision = MutableStateFlow(0L)
    private val none = MutableStateFlow<List<ItemRef>>(emptyList())
    private val theClass = Person(SESSION_PERSON_ID, "")

    override val settings: StateFlow<Settings> = settingsFlow.asStateFlow()
    override fun updateSettings(change: (Settings) -> Settings) = settingsFlow.update(change)

    // One person: the class. Adding or renaming people belongs to the device owner's data, not to a session.
    override val people: StateFlow<List<Person>> = MutableStateFlow(listOf(theClass)).asStateFlow()
    override val currentPerson: StateFlow<Person> = MutableStateFlow(theClass).asStateFlow()
    override fun choosePerson(personId: Long) = Unit
    override fun addPerson(name: String): Person = theClass
    override fun renamePerson(personId: Long, name: String) = Unit
    override fun removePerson(personId: Long) = Unit

    override val ticksRevision: StateFlow<Long> = revision.asStateFlow()

    override fun ticked(checklist: ItemRef, personId: Long): Set<String> = ticksByList.value[checklist].orEmpty()

    override fun setTicked(checklist: ItemRef, itemId: String, ticked: Boolean) {
        ticksByList.update { all ->
            val now = all[checklist].orEmpty().let { if (ticked) it + itemId else it - itemId }
            if (now.isEmpty()) all - checklist else all + (checklist to now)
        }
        revision.update { it + 1 }
    }

    override fun resetTicks(checklist: ItemRef) {
        ticksByList.update { it - checklist }
        revision.update { it + 1 }
    }

    // A class has no bookmarks and no history: both stay empty whatever is asked.
    override val bookmarks: StateFlow<List<ItemRef>> = none.asStateFlow()
    override fun setBookmarked(item: ItemRef, bookmarked: Boolean) = Unit
    override val recent: StateFlow<List<ItemRef>> = none.asStateFlow()
    override fun markViewed(item: ItemRef) = Unit

    // The owner's data is repaired and told about in the owner's window, never in front of a class.
    override val recoveryNotice: StateFlow<RecoveryNotice?> = MutableStateFlow<RecoveryNotice?>(null).asStateFlow()
    override fun recoveryNoticeSeen() = Unit

    private companion object {
        const val SESSION_PERSON_ID = -1L
    }
}
