package tj.migrantsguide.app.feature.dates

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import java.time.Clock
import java.time.LocalDate
import java.util.concurrent.Executors
import java.util.concurrent.ScheduledExecutorService
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import tj.migrantsguide.app.data.DateBook
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.QuietAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.dates.Deadline
import tj.migrantsguide.dates.Destinations
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.StoreException

/**
 * Which reminders to give now: each deadline that [DateBook.reminders] lists (due within
 * [tj.migrantsguide.dates.MyDates.REMIND_DAYS_BEFORE] days, today, or overdue) once per day of its country, while
 * the app runs. Time comes from [clock] only, so a test moves the day by hand.
 */
class ReminderSchedule(private val clock: Clock) {
    private val told = HashMap<String, LocalDate>()

    /** The deadlines to tell now; calling again the same day gives none of them again. */
    @Synchronized
    fun due(personId: Long, reminders: List<Deadline>): List<Deadline> = reminders.filter { deadline ->
        val today = Destinations.today(deadline.countryCode(), clock)
        val key = "$personId/${deadline.ruleId()}/${deadline.due()}"
        if (told[key] == today) false else {
            told[key] = today
            true
        }
    }
}

/** One reminder, in the person's language: the notification's title and its line. */
data class Reminder(val title: String, val text: String)

fun reminderOf(strings: Strings, deadline: Deadline, today: LocalDate): Reminder =
    Reminder(strings[S.MY_DATES], deadlineLine(strings, deadline.title(), deadline.daysLeft(today), strings.date(deadline.due())))

/**
 * Reminders while the app runs (issue 16): at start and then every hour, the current person's due reminders go to
 * [send] (the system tray's notification); when it returns false (no tray here) they wait in [banner] for the
 * window to show in the app instead.
 */
class DateReminders(
    private val book: DateBook,
    private val userData: UserData,
    private val clock: Clock,
    private val send: (Reminder) -> Boolean,
) : AutoCloseable {
    private val schedule = ReminderSchedule(clock)
    private val bannerFlow = MutableStateFlow<List<Reminder>>(emptyList())
    val banner: StateFlow<List<Reminder>> = bannerFlow.asStateFlow()
    private var timer: ScheduledExecutorService? = null

    /** Gives the reminders due now; what the tray could not show goes to [banner]. */
    fun check() {
        val person = userData.currentPerson.value
        val language = userData.settings.value.language ?: return
        val strings = Strings.of(language)
        val due = try {
            schedule.due(person.id(), book.reminders(person.id(), language))
        } catch (e: StoreException) {
            return // told at the next check that can read
        }
        val unsent = due.map { reminderOf(strings, it, Destinations.today(it.countryCode(), clock)) }.filterNot(send)
        if (unsent.isNotEmpty()) bannerFlow.value = (bannerFlow.value + unsent).distinct()
    }

    fun dismissBanner() {
        bannerFlow.value = emptyList()
    }

    fun start(every: Long = 1, unit: TimeUnit = TimeUnit.HOURS) {
        timer = Executors.newSingleThreadScheduledExecutor { Thread(it, "date-reminders").apply { isDaemon = true } }
            .also { it.scheduleWithFixedDelay({ runCatching { check() } }, 0, every, unit) }
    }

    override fun close() {
        timer?.shutdownNow()
    }
}

/** In the app, where the system has no tray: the reminders of today, until closed. */
@Composable
fun ReminderBanner(reminders: List<Reminder>, onOpen: () -> Unit, onClose: () -> Unit, modifier: Modifier = Modifier) {
    if (reminders.isEmpty()) return
    val strings = LocalStrings.current
    val extras = LocalGuideColors.current
    Surface(
        shape = RoundedCornerShape(16.dp),
        color = extras.warning,
        contentColor = extras.onWarning,
        border = BorderStroke(maxOf(extras.borderWidth, 1.dp), extras.onWarning),
        modifier = modifier.fillMaxWidth().testTag("reminder-banner"),
    ) {
        Column(Modifier.padding(12.dp).semantics { liveRegion = LiveRegionMode.Polite }, verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(strings[S.MY_DATES], style = MaterialTheme.typography.labelLarge)
            for (reminder in reminders) Text(reminder.text, style = MaterialTheme.typography.bodyLarge)
            androidx.compose.foundation.layout.Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                PrimaryAction(strings[S.DATES_OPEN], onClick = onOpen, modifier = Modifier.testTag("reminder-open"))
                QuietAction(strings[S.CLOSE], onClick = onClose, modifier = Modifier.testTag("reminder-close"))
            }
        }
    }
}
