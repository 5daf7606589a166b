package tj.migrantsguide.app

import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import kotlin.coroutines.EmptyCoroutineContext
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.ContentEdition
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.IdleSync
import tj.migrantsguide.app.data.Search
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.data.SyncStatus
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.app.data.embeddedSnapshot
import tj.migrantsguide.app.feature.ask.QuestionsOutbox
import tj.migrantsguide.app.navigation.GuideServices
import tj.migrantsguide.app.system.DeviceActions
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Country
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Phone
import tj.migrantsguide.transport.JdkHttpTransport

/**
 * 09:00 UTC on the day after the embedded content was published (whenever the build made it), well before it expires.
 * A fixed hour, not the build's: at 09:00 UTC it is the same calendar day from London to Seoul, and tests that move
 * the clock an hour stay on that day (a CI build at about 20:10 UTC once put "an hour later" past Moscow's midnight).
 */
val testClock: Clock by lazy {
    val published = embeddedSnapshot.open("index.json").use {
        tj.migrantsguide.feed.FeedCodec.readIndex("index.json", it.readAllBytes()).published()
    }
    val nextDay = published.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1)
    Clock.fixed(nextDay.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)
}

/** The real guide: the embedded snapshot installed into a real SQLite file in [dataDirectory]. */
fun openEmbeddedGuide(dataDirectory: Path): Guide = Guide.open(dataDirectory, embeddedSnapshot, testClock)

/**
 * Everything the screens use, over real parts (the store, the properties file) with the computer's abilities
 * recorded instead of performed. Background work runs on the composition's own dispatcher, so the test waits for it.
 */
fun testServices(
    content: GuideContent,
    dataDirectory: Path,
    userData: UserData,
    search: Search,
    device: RecordingDevice = RecordingDevice(),
    sync: SyncStatus = IdleSync(available = false),
    outbox: QuestionsOutbox = offlineOutbox(dataDirectory),
    dates: tj.migrantsguide.app.data.DateBook = tj.migrantsguide.app.data.DateBook.None,
): GuideServices = GuideServices(
    content = content,
    userData = userData,
    search = search,
    sync = sync,
    outbox = outbox,
    device = device,
    clock = testClock,
    background = EmptyCoroutineContext,
    dataDirectory = dataDirectory,
    dates = dates,
)

fun storeServices(
    guide: Guide,
    dataDirectory: Path,
    device: RecordingDevice = RecordingDevice(),
    sync: SyncStatus = IdleSync(available = false),
    content: GuideContent = StoreGuideContent(guide.store()),
    outbox: QuestionsOutbox = offlineOutbox(dataDirectory),
): GuideServices = testServices(
    content, dataDirectory, StoreUserData(guide.store().user()), StoreSearch(guide.store()), device, sync, outbox,
    tj.migrantsguide.app.data.StoreDateBook(guide.store(), testClock),
)

/** The person's data in [dataDirectory] (the real user.db of the embedded guide), for setting up and checking. */
fun <T> withUserData(dataDirectory: Path, block: (UserData) -> T): T =
    openEmbeddedGuide(dataDirectory).use { block(StoreUserData(it.store().user())) }

/**
 * The real outbox over the data folder, addressed to a port where nothing listens (the discard port): questions
 * are saved and stay waiting. Its sender is not started; tests that send use [QuestionsOutbox.runRound].
 */
fun offlineOutbox(dataDirectory: Path): QuestionsOutbox =
    QuestionsOutbox(dataDirectory, JdkHttpTransport(java.time.Duration.ofSeconds(2)), java.net.URI.create("http://127.0.0.1:9/"), testClock)

/** Remembers what the app asked of the computer; no telephone or clipboard on a test machine. */
class RecordingDevice : DeviceActions {
    val dialled = mutableListOf<Phone>()
    val copied = mutableListOf<String>()
    val opened = mutableListOf<String>()

    override fun dial(phone: Phone): Boolean {
        dialled += phone
        return false
    }

    override fun copy(text: String): Boolean {
        copied += text
        return true
    }

    override fun openWebsite(address: String): Boolean {
        opened += address
        return false
    }
}

/**
 * Hand-written content for behaviour the real content does not have yet (links between articles). Its country
 * code XA is a user-assigned ISO code, so it can never be mistaken for a real country; it holds no numbers.
 */
class FakeContent(
    private val countries: List<Country>,
    private val articles: List<Article> = emptyList(),
    private val contacts: List<Contact> = emptyList(),
    private val checklists: List<Checklist> = emptyList(),
) : GuideContent {
    override val revision: StateFlow<Long> = MutableStateFlow(1L)
    override fun countries() = countries
    override fun articles(country: String, language: Language) = articles.filter { it.countryCode() == country && it.language() == language }
    override fun contacts(country: String, language: Language) = contacts.filter { it.countryCode() == country && it.language() == language }
    override fun checklists(country: String, language: Language) = checklists.filter { it.countryCode() == country && it.language() == language }
    override fun edition(): ContentEdition? = null

    companion object {
        val TEST_COUNTRY = Country("XA", mapOf(Language.ENGLISH to "Testland", Language.RUSSIAN to "Тестовая", Language.TAJIK to "Санҷишӣ"), 1)
    }
}
