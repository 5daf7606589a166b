package tj.migrantsguide.app.data

import kotlinx.coroutines.flow.StateFlow
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.Person
import tj.migrantsguide.store.RecoveryNotice
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme
import tj.migrantsguide.store.UserData.LastPersonException
import tj.migrantsguide.store.WindowBounds

/**
 * What this device remembers for the people using it: settings, the people who share the device, checklist ticks
 * per person, bookmarks, recently viewed items. Changes are visible in the flows at once and are on disk when the
 * call returns (so call the writers off the UI thread). A writer that cannot save throws [UserDataNotSaved] and
 * changes nothing.
 */
interface UserData {
    val settings: StateFlow<Settings>
    fun updateSettings(change: (Settings) -> Settings)

    /** Everyone on the device, the owner first ([Person.hasName] false: shown as "me"). Never empty. */
    val people: StateFlow<List<Person>>

    /** Whose ticks the checklists show and change. */
    val currentPerson: StateFlow<Person>
    fun choosePerson(personId: Long)
    fun addPerson(name: String): Person
    fun renamePerson(personId: Long, name: String)

    /** Removes a person and their ticks; the last person cannot be removed ([LastPersonException]). */
    fun removePerson(personId: Long)

    /**
     * Grows on every tick, reset and change of person: screens read [ticked] again when it does (ticks are read per
     * checklist, never all at once).
     */
    val ticksRevision: StateFlow<Long>

    /** Ticked item ids of one checklist ([ItemRef] of kind CHECKLIST) for [personId] (the current person by default). Blocking. */
    fun ticked(checklist: ItemRef, personId: Long = currentPerson.value.id()): Set<String>
    fun setTicked(checklist: ItemRef, itemId: String, ticked: Boolean)
    fun resetTicks(checklist: ItemRef)

    /** Newest first. */
    val bookmarks: StateFlow<List<ItemRef>>
    fun setBookmarked(item: ItemRef, bookmarked: Boolean)

    /** Newest first, at most [RECENT_LIMIT]. */
    val recent: StateFlow<List<ItemRef>>
    fun markViewed(item: ItemRef)

    /** What the guide repaired at a start and has not yet told the person; null when nothing. */
    val recoveryNotice: StateFlow<RecoveryNotice?>

    /** The person has read [recoveryNotice]: it is not shown again. */
    fun recoveryNoticeSeen()

    companion object {
        const val RECENT_LIMIT = 20
    }
}

/**
 * The person's choices. [language] and [country] are null until the first start is done.
 */
data class Settings(
    val language: Language? = null,
    val country: String? = null,
    val textSize: TextSize = TextSize.NORMAL,
    val theme: Theme = Theme.LIGHT,
    /** Where the window was and how big, in dp, to open it there again on the same screen. */
    val window: WindowBounds? = null,
) {
    val firstStartDone: Boolean get() = language != null && country != null
}

/** A change could not be written ([what]: "tick an item"); nothing was changed. */
class UserDataNotSaved(val what: String, cause: Throwable) :
    Exception("could not $what: ${cause.message}", cause)
