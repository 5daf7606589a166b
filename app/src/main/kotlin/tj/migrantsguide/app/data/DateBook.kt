package tj.migrantsguide.app.data

import java.time.Clock
import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import tj.migrantsguide.dates.DateProblem
import tj.migrantsguide.dates.Deadline
import tj.migrantsguide.dates.Destinations
import tj.migrantsguide.dates.MyDates
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.DateNotice
import tj.migrantsguide.store.GuideStore
import tj.migrantsguide.store.PersonalDate

/**
 * My dates (issue 16, docs/dates.md) for the screens: the days a person entered, the deadlines computed from them
 * and the feed's rules, and what an update changed. Blocking (a local database): call it off the UI thread.
 * [set] throws [tj.migrantsguide.store.StoreException] when the storage refuses the write; nothing is changed then.
 */
interface DateBook {
    /** Grows on every saved day or seen notice: screens read again when it does. */
    val revision: StateFlow<Long>

    fun deadlines(personId: Long, language: Language): List<Deadline>
    fun entered(personId: Long): List<PersonalDate>

    /** Every notice the person was given ("moved", "withdrawn"), oldest first; seen ones too. */
    fun notices(personId: Long): List<DateNotice>
    fun markSeen(personId: Long, noticeIds: Collection<Long>)

    /** Today in [country] (its time zone, the injected clock). */
    fun today(country: String): LocalDate

    /** Why [day] cannot be the day of [event] in [country] today, or null when it can. */
    fun check(country: String, event: DateEvent, day: LocalDate): DateProblem?
    fun set(personId: Long, country: String, event: DateEvent, day: LocalDate)

    /** The deadlines to remind the person of today ([MyDates.reminders]). */
    fun reminders(personId: Long, language: Language): List<Deadline>

    /** No dates at all: for screens and tests without My dates. */
    object None : DateBook {
        override val revision: StateFlow<Long> = MutableStateFlow(0L)
        override fun deadlines(personId: Long, language: Language) = emptyList<Deadline>()
        override fun entered(personId: Long) = emptyList<PersonalDate>()
        override fun notices(personId: Long) = emptyList<DateNotice>()
        override fun markSeen(personId: Long, noticeIds: Collection<Long>) {}
        override fun today(country: String): LocalDate = LocalDate.now(Clock.systemUTC())
        override fun check(country: String, event: DateEvent, day: LocalDate): DateProblem? = null
        override fun set(personId: Long, country: String, event: DateEvent, day: LocalDate) {}
        override fun reminders(personId: Long, language: Language) = emptyList<Deadline>()
    }
}

/** [DateBook] over the device's database ([MyDates]: checked writes, exactly-once notices). */
class StoreDateBook(private val store: GuideStore, private val clock: Clock) : DateBook {
    private val dates = MyDates(store, clock)
    private val revisionFlow = MutableStateFlow(0L)
    override val revision: StateFlow<Long> = revisionFlow.asStateFlow()

    override fun deadlines(personId: Long, language: Language): List<Deadline> = dates.deadlines(personId, language)
    override fun entered(personId: Long): List<PersonalDate> = store.user().dates().dates(personId)
    override fun notices(personId: Long): List<DateNotice> = dates.allNotices(personId)

    override fun markSeen(personId: Long, noticeIds: Collection<Long>) {
        if (noticeIds.isEmpty()) return
        noticeIds.forEach { dates.markSeen(personId, it) }
        revisionFlow.value += 1
    }

    override fun today(country: String): LocalDate = Destinations.today(country, clock)

    override fun check(country: String, event: DateEvent, day: LocalDate): DateProblem? = dates.check(country, event, day).orElse(null)

    override fun set(personId: Long, country: String, event: DateEvent, day: LocalDate) {
        dates.set(personId, country, event, day.toString()).ifPresent { throw IllegalArgumentException(it.describe()) }
        revisionFlow.value += 1
    }

    override fun reminders(personId: Long, language: Language): List<Deadline> = dates.reminders(personId, language)
}
