package tj.migrantsguide.app.navigation

import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.Stable
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateListOf
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEvent
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.isAltPressed
import androidx.compose.ui.input.key.isCtrlPressed
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.type
import tj.migrantsguide.app.data.QuestionForm
import tj.migrantsguide.app.model.ContactIndexKind
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/** Every place in the app a person can be. */
sealed interface Destination {
    data object Home : Destination
    data class Guide(val stage: Stage) : Destination
    data class Article(val item: ItemRef) : Destination
    /** [section]: the index entry to open at (the home card's "Embassy and consulates"); null: the top. */
    data class Contacts(val emergencyOnly: Boolean = false, val section: ContactIndexKind? = null) : Destination
    data class Contact(val item: ItemRef) : Destination
    data object Checklists : Destination
    data class Checklist(val item: ItemRef) : Destination
    data class Search(val query: String = "") : Destination
    data object Saved : Destination
    data class Ask(val prefill: QuestionForm? = null) : Destination
    data object MyQuestions : Destination
    data object Settings : Destination
    data object ChooseCountry : Destination
    data object About : Destination
    /** What the installed updates changed (issue 17). */
    data object Changes : Destination
    /** Passing the guide on to devices nearby (issue 17). */
    data object Share : Destination

    /** My dates: the person's deadlines, the days they count from, what an update changed (issue 16). */
    data object MyDates : Destination

    /** Entering one of the days My dates count from. */
    data class DateEntry(val event: tj.migrantsguide.guide.DateEvent) : Destination

    companion object {
        /** Where a link, bookmark or search hit for [item] leads. */
        fun of(item: ItemRef): Destination = when (item.kind()) {
            ItemKind.ARTICLE -> Article(item)
            ItemKind.CONTACT -> Contact(item)
            // An ItemRef never holds CHECKLIST_ITEM (a checklist line opens its checklist).
            ItemKind.CHECKLIST, ItemKind.CHECKLIST_ITEM -> Checklist(item)
            // A deadline rule is read where it counts: on My dates.
            ItemKind.RULE -> MyDates
        }
    }
}

/** The back stack, held in one place. Home is always at the bottom; back from home does nothing. */
@Stable
class Navigator(start: Destination = Destination.Home) {
    private val stack = mutableStateListOf<Destination>(Destination.Home).apply { if (start != Destination.Home) add(start) }

    /** One key per entry of the stack, kept by [replaceTop]: the key of the entry's saved state (scroll, focus). */
    private val keys = mutableStateListOf<Long>().apply { repeat(stack.size) { add(it.toLong()) } }
    private var nextKey = stack.size.toLong()

    val current: Destination get() = stack.last()

    val currentKey: Long get() = keys.last()

    /** The keys of every entry in the stack, bottom first. */
    val liveKeys: List<Long> get() = keys.toList()
    val canGoBack: Boolean get() = stack.size > 1
    val depth: Int get() = stack.size

    fun open(destination: Destination) {
        if (destination == Destination.Home) {
            home()
        } else if (destination != current) {
            stack.add(destination)
            keys.add(nextKey++)
        }
    }

    /** Replaces the top (e.g. the search screen's query), so back does not walk through every keystroke. */
    fun replaceTop(destination: Destination) {
        if (stack.size > 1) stack[stack.lastIndex] = destination else open(destination)
    }

    fun back(): Boolean {
        if (stack.size <= 1) return false
        stack.removeAt(stack.lastIndex)
        keys.removeAt(keys.lastIndex)
        return true
    }

    fun home() {
        while (stack.size > 1) {
            stack.removeAt(stack.lastIndex)
            keys.removeAt(keys.lastIndex)
        }
    }
}

/**
 * Dialogs open now, in any window. While one is, Esc and Alt+Left are the dialog's (cancel), not the back stack's:
 * the window sees every key first, and would otherwise leave the screen under the dialog.
 */
object OpenDialogs {
    private val count = mutableIntStateOf(0)

    val any: Boolean get() = count.intValue > 0

    /** Counts the calling composable as an open dialog while it is composed. */
    @Composable
    fun Track() {
        DisposableEffect(Unit) {
            count.intValue++
            onDispose { count.intValue-- }
        }
    }
}

/**
 * App-wide keys: Esc and Alt+Left go back, Ctrl+F opens search, F1 opens the emergency numbers of the chosen
 * country (one key from home, as SOS is one tap: the key a person looking for help finds first). True when the key
 * was used.
 */
fun handleAppKey(event: KeyEvent, navigator: Navigator): Boolean {
    if (event.type != KeyEventType.KeyDown) return false
    return when {
        (event.key == Key.Escape || event.key == Key.DirectionLeft && event.isAltPressed) && OpenDialogs.any -> false
        event.key == Key.Escape -> navigator.back()
        event.key == Key.DirectionLeft && event.isAltPressed -> navigator.back()
        event.key == Key.F1 -> {
            navigator.open(Destination.Contacts(emergencyOnly = true))
            true
        }
        event.key == Key.F && event.isCtrlPressed -> {
            if (navigator.current !is Destination.Search) navigator.open(Destination.Search())
            true
        }
        else -> false
    }
}

/**
 * Opens class mode, for the Settings screen's "Class mode" button; the window's class mode provides it (F5 does the
 * same), and it is null where there is none (screenshots).
 */
val LocalClassModeOpener = staticCompositionLocalOf<(() -> Unit)?> { null }

/**
 * Opens the share screen, for class mode's "Share the guide" button (a trainer passing the guide to the class's
 * laptops); the window provides it, null where there is none (screenshots).
 */
val LocalShareOpener = staticCompositionLocalOf<(() -> Unit)?> { null }
