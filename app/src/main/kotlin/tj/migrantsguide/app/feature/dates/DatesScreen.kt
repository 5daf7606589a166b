package tj.migrantsguide.app.feature.dates

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.designsystem.SourcesBlock
import tj.migrantsguide.app.designsystem.VerifiedLine
import tj.migrantsguide.app.handout.HandoutRequest
import tj.migrantsguide.app.handout.rememberHandoutPrinter
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.dates.CalendarFile
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.DateNotice

/**
 * Stateful timeline: reads the person's dates off the UI thread, marks the notices it shows as seen (they stay in
 * the timeline, they are not told again), and runs "Add to calendar" and the printable handout.
 */
@Composable
fun MyDatesScreen(controller: AppController, country: String, language: Language) {
    val services = controller.services
    val person by services.userData.currentPerson.collectAsState()
    val contentRevision by services.content.revision.collectAsState()
    val datesRevision by services.dates.revision.collectAsState()
    val state by produceState<DatesState?>(null, country, language, person, contentRevision, datesRevision) {
        value = withContext(services.background) {
            loadDatesState(services.content, services.dates, person.id(), person.name().takeIf { person.hasName() }, country, language)
        }
    }
    val shown = state
    LaunchedEffect(shown) {
        val fresh = shown?.notices?.filter { it.isNew }?.map { it.id }.orEmpty()
        if (shown != null && fresh.isNotEmpty()) controller.save { services.dates.markSeen(shown.personId, fresh) }
    }
    val print = rememberHandoutPrinter(controller)
    val scope = rememberCoroutineScope()
    MyDatesContent(state) { action ->
        when (action) {
            is DatesAction.EnterDay -> controller.handle(Open(Destination.DateEntry(action.event)))
            DatesAction.Print -> shown?.let { print(HandoutRequest.MyDates(it.personId, it.personName), language) }
            DatesAction.AddToCalendar -> shown?.let { s ->
                scope.launch {
                    val strings = controller.strings
                    val file = calendarFile(s.personName)
                    val failure = withContext(services.background) {
                        try {
                            writeCalendar(services, s.personId, language, file)
                            null
                        } catch (e: IOException) {
                            e.message ?: e.toString()
                        }
                    }
                    controller.say(
                        if (failure == null) strings[S.DATES_CALENDAR_SAVED, "file" to file.toString()]
                        else strings[S.DATES_CALENDAR_NOT_SAVED, "reason" to failure],
                    )
                }
            }
            else -> controller.handle(action)
        }
    }
}

/** Where "Add to calendar" writes: the Documents folder (else the home folder), told to the person afterwards. */
fun calendarFile(personName: String?, home: Path = Path.of(System.getProperty("user.home"))): Path {
    val folder = home.resolve("Documents").takeIf { Files.isDirectory(it) } ?: home
    val who = personName?.lowercase()?.replace(Regex("[^\\p{L}\\p{N}]+"), "-")?.trim('-')?.takeIf { it.isNotEmpty() }
    return folder.resolve(if (who == null) "my-dates.ics" else "my-dates-$who.ics")
}

/** The person's deadlines as an .ics file with alarms (the same file as `dates ics`). */
fun writeCalendar(services: tj.migrantsguide.app.navigation.GuideServices, personId: Long, language: Language, file: Path) {
    file.toAbsolutePath().parent?.let { Files.createDirectories(it) }
    CalendarFile.write(file, personId, services.dates.deadlines(personId, language), services.clock)
}

/** The timeline: deadlines soonest first, what changed, the days they count from, calendar and print. */
@Composable
fun MyDatesContent(state: DatesState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.MY_DATES], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "dates", 12.dp) { state ->
            items(state.notices.filter { it.isNew }, key = { "new-notice:${it.id}" }) { NoticeCard(it) }
            if (state.deadlines.isEmpty()) {
                item { EmptyNote(strings[S.DATES_EMPTY], Modifier.testTag("dates-empty")) }
            }
            items(state.deadlines, key = { "deadline:${it.ruleId}" }) { DeadlineEntry(it, onAction) }
            if (state.deadlines.any { !it.withdrawn }) {
                item { CalendarButtons(onAction) }
            }
            item { SectionTitle(strings[S.DATES_YOUR_DAYS]) }
            item { Text(strings[S.DATES_INTRO, "country" to state.countryName], style = MaterialTheme.typography.bodyMedium) }
            items(state.days, key = { "day:${it.event.code()}" }) { DayRow(it, onAction) }
            val seen = state.notices.filter { !it.isNew }
            if (seen.isNotEmpty()) {
                item { SectionTitle(strings[S.DATES_CHANGES]) }
                items(seen, key = { "notice:${it.id}" }) { NoticeCard(it) }
            }
            item { Text(strings[S.DATES_STAY_HERE], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant) }
        }
    }
}

/** A date inside a sentence, never broken over two lines ("3 декабря 2026" stays together). */
fun Strings.wholeDate(day: java.time.LocalDate): String = date(day).replace(' ', '\u00A0')

/** "Register your stay: 4 days left (by …)", as on the home card. */
fun deadlineLine(strings: Strings, title: String, daysLeft: Long, date: String): String = when {
    daysLeft < 0 -> strings[S.DEADLINE_OVERDUE, "title" to title, "date" to date]
    daysLeft == 0L -> strings[S.DEADLINE_TODAY, "title" to title, "date" to date]
    else -> strings[S.DEADLINE_LEFT, "title" to title, "days" to strings.plural(P.DAYS, daysLeft.coerceAtMost(Int.MAX_VALUE.toLong()).toInt()), "date" to date]
}

fun eventName(strings: Strings, event: DateEvent): String = when (event) {
    DateEvent.ENTRY -> strings[S.EVENT_ENTRY]
    DateEvent.REGISTRATION -> strings[S.EVENT_REGISTRATION]
    DateEvent.PATENT_ISSUED -> strings[S.EVENT_PATENT_ISSUED]
    DateEvent.LAST_PAID -> strings[S.EVENT_LAST_PAID]
    DateEvent.PASSPORT_EXPIRY -> strings[S.EVENT_PASSPORT_EXPIRY]
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun DeadlineEntry(deadline: TimelineDeadline, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val extras = LocalGuideColors.current
    val container = when {
        deadline.overdue -> MaterialTheme.colorScheme.errorContainer
        deadline.withdrawn -> MaterialTheme.colorScheme.surfaceVariant
        else -> MaterialTheme.colorScheme.secondaryContainer
    }
    val onContainer = when {
        deadline.overdue -> MaterialTheme.colorScheme.onErrorContainer
        deadline.withdrawn -> MaterialTheme.colorScheme.onSurfaceVariant
        else -> MaterialTheme.colorScheme.onSecondaryContainer
    }
    Surface(
        shape = RoundedCornerShape(16.dp),
        color = container,
        contentColor = onContainer,
        border = if (deadline.overdue) BorderStroke(maxOf(extras.borderWidth, 2.dp), extras.emergency) else BorderStroke(extras.borderWidth, extras.border),
        modifier = Modifier.fillMaxWidth().testTag(
            when {
                deadline.overdue -> "timeline-overdue:${deadline.ruleId}"
                deadline.withdrawn -> "timeline-withdrawn:${deadline.ruleId}"
                else -> "timeline:${deadline.ruleId}"
            },
        ),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(
                deadlineLine(strings, deadline.title, if (deadline.withdrawn) 1 else deadline.daysLeft, strings.wholeDate(deadline.due))
                    .let { if (deadline.withdrawn) strings[S.DATES_WITHDRAWN_LINE, "title" to deadline.title, "date" to strings.wholeDate(deadline.due)] else it },
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.semantics { heading() },
            )
            if (deadline.withdrawn) {
                Text(strings[S.DATES_RULE_WITHDRAWN], style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("rule-withdrawn"))
            }
            Text(
                strings[S.DATES_FROM, "event" to eventName(strings, deadline.event), "date" to strings.wholeDate(deadline.eventDay)],
                style = MaterialTheme.typography.bodyMedium,
            )
            if (deadline.rule.isNotBlank()) Text(deadline.rule, style = MaterialTheme.typography.bodyLarge)
            if (deadline.earliestPossible) Text(strings[S.DEADLINE_EARLIEST], style = MaterialTheme.typography.bodyMedium)
            if (deadline.overdue) {
                Text(strings[S.DEADLINE_WHAT_NOW], style = MaterialTheme.typography.titleSmall)
                if (deadline.missed.isNotBlank()) Text(strings[S.DATES_IF_MISSED, "text" to deadline.missed], style = MaterialTheme.typography.bodyLarge)
            }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                deadline.article?.let { article ->
                    PrimaryAction(
                        strings[S.DATES_READ_RULE, "title" to (deadline.articleTitle ?: deadline.title)],
                        onClick = { onAction(Open(Destination.Article(article))) },
                        colors = if (deadline.overdue) ButtonDefaults.buttonColors(containerColor = extras.emergency, contentColor = extras.onEmergency)
                        else ButtonDefaults.buttonColors(),
                        modifier = Modifier.testTag("read-rule:${deadline.ruleId}"),
                    )
                }
                for ((contact, name) in deadline.contacts) {
                    SecondaryAction(name, onClick = { onAction(Open(Destination.Contact(contact))) }, modifier = Modifier.testTag("rule-contact:${contact.id()}"))
                }
            }
            SourcesBlock(deadline.sources)
            if (!deadline.withdrawn) VerifiedLine(deadline.verified)
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun CalendarButtons(onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            SecondaryAction(strings[S.DATES_ADD_TO_CALENDAR], onClick = { onAction(DatesAction.AddToCalendar) }, icon = Icons.Filled.DateRange, modifier = Modifier.testTag("add-to-calendar"))
            SecondaryAction(strings[S.PRINT_HANDOUT], onClick = { onAction(DatesAction.Print) }, modifier = Modifier.testTag("print-dates"))
        }
        Text(strings[S.DATES_CALENDAR_HINT], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
    }
}

@Composable
private fun DayRow(day: EnteredDay, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideCard(modifier = Modifier.testTag("day:${day.event.code()}")) {
        Text(eventName(strings, day.event), style = MaterialTheme.typography.titleMedium)
        Text(
            day.day?.let { strings.wholeDate(it) } ?: strings[S.DATES_NOT_ENTERED],
            style = MaterialTheme.typography.bodyLarge,
            color = if (day.day == null) MaterialTheme.colorScheme.onSurfaceVariant else MaterialTheme.colorScheme.onSurface,
            modifier = Modifier.testTag("day-value:${day.event.code()}"),
        )
        SecondaryAction(
            if (day.day == null) strings[S.DATES_ENTER] else strings[S.CHANGE],
            onClick = { onAction(DatesAction.EnterDay(day.event)) },
            icon = Icons.Filled.Edit,
            modifier = Modifier.testTag("enter:${day.event.code()}"),
        )
    }
}

/** "Your registration deadline moved from … to … because the rule changed (source, date)", kept in the timeline. */
@Composable
private fun NoticeCard(notice: TimelineNotice) {
    val strings = LocalStrings.current
    val text = when (notice.kind) {
        DateNotice.Kind.MOVED -> strings[
            S.DATES_MOVED, "title" to notice.title, "before" to strings.wholeDate(notice.before),
            "after" to (notice.after?.let { strings.wholeDate(it) } ?: "—"), "source" to (notice.source ?: "—"),
            "date" to (notice.verified?.let { strings.wholeDate(it) } ?: strings[S.MARK_NOT_VERIFIED]),
        ]
        DateNotice.Kind.WITHDRAWN -> strings[S.DATES_WITHDRAWN_NOTICE, "title" to notice.title, "date" to strings.wholeDate(notice.before)]
    }
    val extras = LocalGuideColors.current
    Surface(
        shape = RoundedCornerShape(16.dp),
        color = if (notice.isNew) extras.warning else MaterialTheme.colorScheme.surfaceContainer,
        contentColor = if (notice.isNew) extras.onWarning else MaterialTheme.colorScheme.onSurface,
        border = BorderStroke(maxOf(extras.borderWidth, 1.dp), if (notice.isNew) extras.onWarning else extras.border),
        modifier = Modifier.fillMaxWidth().testTag("notice-${notice.kind.code()}"),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            if (notice.isNew) Text(strings[S.DATES_NEW], style = MaterialTheme.typography.labelLarge)
            Text(text, style = MaterialTheme.typography.bodyLarge)
        }
    }
}
