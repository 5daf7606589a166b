package tj.migrantsguide.app.data

import kotlinx.coroutines.flow.StateFlow
import tj.migrantsguide.guide.Language

/**
 * What this device remembers for the person using it: settings, checklist ticks, bookmarks, recently viewed
 * items. Changes are visible in the flows at once and are on disk when the call returns (so call the writers off
 * the UI thread). A writer that cannot save throws [UserDataNotSaved] and changes nothing, in memory or on disk.
 */
interface UserData {
    val settings: StateFlow<Settings>
    fun updateSettings(change: (Settings) -> Settings)

    /** Ticked item ids per checklist ([ItemRef] of kind CHECKLIST). */
    val ticks: StateFlow<Map<ItemRef, Set<String>>>
    fun setTicked(checklist: ItemRef, itemId: String, ticked: Boolean)
    fun resetTicks(checklist: ItemRef)

    /** Newest first. */
    val bookmarks: StateFlow<List<ItemRef>>
    fun setBookmarked(item: ItemRef, bookmarked: Boolean)

    /** Newest first, at most [RECENT_LIMIT]. */
    val recent: StateFlow<List<ItemRef>>
    fun markViewed(item: ItemRef)

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

/** A change could not be written to [file]; nothing was changed. */
class UserDataNotSaved(val file: java.nio.file.Path, cause: Throwable) :
    Exception("cannot save to $file: ${cause.message}", cause)
