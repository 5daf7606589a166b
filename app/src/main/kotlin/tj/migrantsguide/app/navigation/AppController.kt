package tj.migrantsguide.app.navigation

import androidx.compose.runtime.Stable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import java.time.Clock
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.launch
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.QuestionForm
import tj.migrantsguide.app.data.Questions
import tj.migrantsguide.app.data.Search
import tj.migrantsguide.app.data.SyncStatus
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.app.data.UserDataNotSaved
import tj.migrantsguide.app.system.DeviceActions
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Phone
import tj.migrantsguide.store.StoreException

/**
 * Everything behind the screens, in one place so that part 2 swaps implementations without touching a screen:
 * the data seams, the computer's abilities, the clock and where blocking work runs.
 */
class GuideServices(
    val content: GuideContent,
    val userData: UserData,
    val search: Search,
    val sync: SyncStatus,
    val outbox: Questions,
    val device: DeviceActions,
    val clock: Clock,
    /** Where database and file work runs; tests pass their own to stay deterministic. */
    val background: CoroutineContext = Dispatchers.IO,
    /** Shown on the About screen. */
    val dataDirectory: java.nio.file.Path? = null,
    /**
     * Why the person's data could not be opened for writing at start (read-only or full storage), if so: told once
     * when the window opens, since every later write will be refused (issue 18). Reading works regardless.
     */
    val storageProblem: tj.migrantsguide.store.StoreException.Problem? = null,
    /** My dates (issue 16): the person's days and deadlines. */
    val dates: tj.migrantsguide.app.data.DateBook = tj.migrantsguide.app.data.DateBook.None,
    /** Passing the guide on over the local network (the share screen); none where there is nothing to share. */
    val sharing: tj.migrantsguide.app.data.FeedSharing = tj.migrantsguide.app.data.NoSharing(),
)

/** A call was attempted: the number to show, and whether the computer took the call over. */
data class DialNotice(val contactName: String, val phone: Phone, val handedToSystem: Boolean)

/**
 * The running app: back stack, the actions every screen shares, transient messages, and the dial notice. Screens
 * hold their own state; this holds only what outlives a screen.
 */
@Stable
class AppController(val services: GuideServices, val navigator: Navigator, private val scope: CoroutineScope) {
    private val messageFlow = MutableSharedFlow<String>(extraBufferCapacity = 4)

    /** Short confirmations and failures ("Copied", "Could not save"), shown as a snackbar. */
    val messages: SharedFlow<String> = messageFlow

    var dialNotice: DialNotice? by mutableStateOf(null)

    /** The question being written, kept while the app runs so that leaving the form loses nothing. */
    var askDraft: QuestionForm by mutableStateOf(QuestionForm())

    val strings: Strings get() = Strings.of(services.userData.settings.value.language ?: Language.TAJIK)

    fun handle(action: UiAction) {
        when (action) {
            Back -> navigator.back()
            is Open -> navigator.open(action.destination)
            Emergency -> navigator.open(Destination.Contacts(emergencyOnly = true))
            is Call -> {
                val handed = services.device.dial(action.phone)
                dialNotice = DialNotice(action.contactName, action.phone, handed)
            }
            is CopyNumber -> say(
                if (services.device.copy(action.phone.display())) strings[S.COPIED, "number" to action.phone.display()]
                else strings[S.COPY_FAILED, "number" to action.phone.display()],
            )
            is OpenWebsite -> if (!services.device.openWebsite(action.address)) {
                say(strings[S.WEBSITE_NOT_OPENED, "address" to action.address])
            }
            is SetBookmark -> save { services.userData.setBookmarked(action.item, action.bookmarked) }
            else -> error("no screen handled $action")
        }
    }

    fun say(message: String) {
        messageFlow.tryEmit(message)
    }

    /** Runs a user-data write off the UI thread; a failure is told in words and changes nothing. */
    fun save(write: () -> Unit) {
        scope.launch(services.background) {
            try {
                write()
            } catch (e: UserDataNotSaved) {
                val problem = (e.cause as? StoreException)?.problem()
                say(strings[S.NOT_SAVED, "reason" to (problem?.let { storeProblemText(strings, it) } ?: e.cause?.message ?: e.what)])
            } catch (e: StoreException) {
                // The outbox's writes (an answer seen, a deletion) on read-only, full or gone storage.
                say(strings[S.NOT_SAVED, "reason" to storeProblemText(strings, e.problem())])
            } catch (e: tj.migrantsguide.store.UserData.NoSuchPersonException) {
                // Removed meanwhile (another window or a restore): the lists already show who is left.
                say(strings[S.NOT_SAVED, "reason" to (e.message ?: "")])
            }
        }
    }
}

/** Why the storage refused a write, in the reader's language (issue 18: read-only, full or gone storage). */
fun storeProblemText(strings: tj.migrantsguide.app.text.Strings, problem: tj.migrantsguide.store.StoreException.Problem): String =
    when (problem) {
        tj.migrantsguide.store.StoreException.Problem.DISK_FULL -> strings[S.STORE_DISK_FULL]
        tj.migrantsguide.store.StoreException.Problem.READ_ONLY -> strings[S.STORE_READ_ONLY]
        tj.migrantsguide.store.StoreException.Problem.VANISHED -> strings[S.STORE_VANISHED]
        tj.migrantsguide.store.StoreException.Problem.BUSY -> strings[S.STORE_BUSY]
        tj.migrantsguide.store.StoreException.Problem.OTHER -> strings[S.STORE_OTHER]
    }
