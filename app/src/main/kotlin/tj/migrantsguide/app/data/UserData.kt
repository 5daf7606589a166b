package tj.migrantsguide.app.data

import kotlinx.coroutines.flow.StateFlow
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.Person
import tj.migrantsguide.store.RecoveryNotice
import tj.migrantsguide.store.UserData.LastPersonException

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
    val theme: ThemeChoice = ThemeChoice.LIGHT,
    val window: WindowPlacement? = null,
) {
    val firstStartDone: Boolean get() = language != null && country != null
}

/** Text size steps offered in Settings; 200% is the largest the phone-sized window must fit without cutting text. */
enum class TextSize(val percent: Int) {
    NORMAL(100),
    LARGER(125),
    LARGE(150),
    VERY_LARGE(175),
    LARGEST(200);

    val scale: Float get() = percent / 100f

    companion object {
        fun fromPercent(percent: Int): TextSize? = entries.firstOrNull { it.percent == percent }

        /** The nearest step at or above [scale] (for `--font-scale 1.3`), capped at the largest. */
        fun nearest(scale: Float): TextSize =
            entries.firstOrNull { it.scale >= scale - 0.001f } ?: LARGEST
    }
}

/** Linux tells apps nothing about a system dark mode, so the guide offers its own three themes. */
enum class ThemeChoice(val code: String) {
    LIGHT("light"),
    DARK("dark"),
    HIGH_CONTRAST("high-contrast");

    companion object {
        fun fromCode(code: String): ThemeChoice? = entries.firstOrNull { it.code == code }
    }
}

/** The window's last position and size in dp (desktop "user space" units), to restore it on the same screen. */
data class WindowPlacement(val x: Float, val y: Float, val width: Float, val height: Float)

/** A change could not be written ([what]: "tick an item"); nothing was changed. */
class UserDataNotSaved(val what: String, cause: Throwable) :
    Exception("could not $what: ${cause.message}", cause)
