package tj.migrantsguide.app.feature.home

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.KeyboardArrowRight
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Email
import androidx.compose.material.icons.filled.Phone
import androidx.compose.material.icons.filled.Place
import androidx.compose.material.icons.filled.Search
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material.icons.filled.Star
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.withFrameNanos
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.designsystem.EmergencyLines
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.NewAnswersBadge
import tj.migrantsguide.app.designsystem.QuietAction
import tj.migrantsguide.app.designsystem.WarningNote
import tj.migrantsguide.app.designsystem.WholeWordsText
import tj.migrantsguide.app.designsystem.iconSize
import tj.migrantsguide.app.model.ContactIndexKind
import tj.migrantsguide.app.model.ContentStatus
import tj.migrantsguide.app.model.countryName
import tj.migrantsguide.app.model.lastSyncText
import tj.migrantsguide.app.model.stageHint
import tj.migrantsguide.app.model.stageTitle
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.system.Shown
import tj.migrantsguide.app.system.StartupTrace
import tj.migrantsguide.app.system.markShown
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage

/**
 * Stateful home: reads the country's summary off the UI thread, follows the sync state, and reports the first
 * frame drawn with content ([onContentShown], for the start-up benchmark).
 */
@Composable
fun HomeScreen(
    controller: AppController,
    country: String,
    language: Language,
    onContentShown: () -> Unit = {},
    /** Read before the window opened (the start): used once, for the first composition, when its keys still fit. */
    prepared: PreparedHome? = null,
) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val sync by services.sync.state.collectAsState()
    val person by services.userData.currentPerson.collectAsState()
    val handedOver = remember { prepared?.takeIf { it.fits(country, language, person.id(), revision) }?.reading }
    var firstRead by remember { mutableStateOf(handedOver != null) }
    // Keyed on the content and the person, not on the sync: a running update changes only the status line.
    val reading by produceState(handedOver, country, language, revision, person) {
        // The first launch over a handed-over reading has nothing to read: it is of these very keys.
        if (firstRead) {
            firstRead = false
            return@produceState
        }
        value = withContext(services.background) { readHome(services.content, country, language, services.clock, person.id()) }
        StartupTrace.mark("home state loaded")
    }
    val state = remember(reading, sync) { reading?.withStatus(sync, services.clock) }
    if (state != null) {
        LaunchedEffect(Unit) {
            withFrameNanos { }
            onContentShown()
        }
    }
    val newAnswers by services.outbox.newAnswers.collectAsState()
    HomeContent(state, controller::handle, newAnswers)
}

/** [newAnswers]: answers to the person's questions not seen yet, a badge on the "Ask a question" tile. */
@Composable
fun HomeContent(state: HomeState?, onAction: (UiAction) -> Unit, newAnswers: Int = 0) {
    val strings = LocalStrings.current
    // The country is the home screen's title and the way to change it; the app's name is in the window's title.
    GuideScreenFrame(
        state?.countryName ?: strings[S.APP_NAME],
        onBack = null,
        onEmergency = { onAction(Emergency) },
        onSearch = { onAction(Open(Destination.Search())) },
        onTitleClick = if (state == null) null else ({ onAction(Open(Destination.ChooseCountry)) }),
        titleClickLabel = strings[S.CHANGE_COUNTRY],
    ) {
        LoadedList(state, "home", 12.dp) { state ->
            state.status.outdatedSince?.let { since ->
                item { WarningNote(strings[S.STATUS_OUTDATED, "date" to strings.date(since)]) }
            }
            state.deadline?.let { deadline -> item { DeadlineCard(deadline, onAction) } }
            item { EmergencyCard(state, onAction) }
            items(state.stages, key = { "stage:${it.stage}" }) { StageCard(it, onAction) }
            item {
                Text(
                    strings[S.MORE],
                    style = MaterialTheme.typography.titleMedium,
                    color = MaterialTheme.colorScheme.primary,
                    modifier = Modifier.padding(top = 8.dp).semantics { heading() },
                )
            }
            item { Tile(Icons.Filled.Phone, strings[S.CONTACTS], strings[S.CONTACTS_HINT], "tile:contacts") { onAction(Open(Destination.Contacts())) } }
            item { Tile(Icons.Filled.DateRange, strings[S.MY_DATES], strings[S.MY_DATES_HINT], "tile:dates") { onAction(Open(Destination.MyDates)) } }
            item { Tile(Icons.AutoMirrored.Filled.List, strings[S.CHECKLISTS], strings[S.CHECKLISTS_HINT], "tile:checklists") { onAction(Open(Destination.Checklists)) } }
            item { Tile(Icons.Filled.Star, strings[S.SAVED], strings[S.SAVED_HINT], "tile:saved") { onAction(Open(Destination.Saved)) } }
            item {
                // With new answers waiting, the tile leads straight to them.
                Tile(Icons.Filled.Email, strings[S.ASK], strings[S.ASK_HINT], "tile:ask", badge = newAnswers) {
                    onAction(Open(if (newAnswers > 0) Destination.MyQuestions else Destination.Ask()))
                }
            }
            item { Tile(Icons.Filled.Settings, strings[S.SETTINGS], strings[S.SETTINGS_HINT], "tile:settings") { onAction(Open(Destination.Settings)) } }
            item { StatusLine(state.status) }
        }
    }
}

/** How many emergency lines the home card shows; the rest are one tap away ("All emergency numbers"). */
const val HOME_CARD_LINES = 3

/**
 * The always-present emergency card (content rule 6): the first [HOME_CARD_LINES] of the country's emergency lines,
 * each with Call and Copy right here, and the way to all of them. It stays compact so that the three stages below
 * it are on the first screen too.
 */
@Composable
private fun EmergencyCard(state: HomeState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val extras = LocalGuideColors.current
    Surface(
        shape = RoundedCornerShape(16.dp),
        color = MaterialTheme.colorScheme.errorContainer,
        contentColor = MaterialTheme.colorScheme.onErrorContainer,
        border = BorderStroke(maxOf(extras.borderWidth, 2.dp), extras.emergency),
        modifier = Modifier.fillMaxWidth().testTag("emergency-card").markShown(Shown.Home),
    ) {
        val padding = if (LocalDensity.current.fontScale >= 1.5f) 12.dp else 16.dp
        Column(Modifier.padding(start = padding, end = padding, top = 4.dp, bottom = padding), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            FlowRow(
                Modifier.fillMaxWidth(),
                horizontalArrangement = Arrangement.SpaceBetween,
                itemVerticalAlignment = Alignment.CenterVertically,
            ) {
                Text(
                    strings[S.EMERGENCY_NUMBERS],
                    style = MaterialTheme.typography.titleLarge,
                    modifier = Modifier.padding(end = 8.dp).semantics { heading() },
                )
                // Short on screen ("All"), named in full for screen readers.
                val all = strings[S.ALL_EMERGENCY_NUMBERS]
                QuietAction(
                    strings[S.ALL_SHORT],
                    onClick = { onAction(Emergency) },
                    trailingIcon = Icons.AutoMirrored.Filled.KeyboardArrowRight,
                    modifier = Modifier.semantics(mergeDescendants = true) { contentDescription = all }.testTag("all-emergency"),
                )
            }
            if (state.emergency.isEmpty()) {
                Text(strings[S.EMERGENCY_EMPTY], style = MaterialTheme.typography.bodyLarge)
            }
            EmergencyLines(state.emergency.take(HOME_CARD_LINES), onAction)
            if (state.missions) {
                // The embassy and consulates: one activation from home, at their section of the contacts.
                QuietAction(
                    strings[S.INDEX_CONSULAR],
                    onClick = { onAction(Open(Destination.Contacts(section = ContactIndexKind.CONSULAR))) },
                    trailingIcon = Icons.AutoMirrored.Filled.KeyboardArrowRight,
                    modifier = Modifier.testTag("embassy-link"),
                )
            }
        }
    }
}

/**
 * The next deadline, first (issue 16): days left and the day; overdue in the emergency colour with what to do now;
 * a moved deadline says so. Opens My dates (the timeline).
 */
@Composable
private fun DeadlineCard(deadline: NextDeadline, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val extras = LocalGuideColors.current
    val date = strings.date(deadline.due)
    val line = when {
        deadline.overdue -> strings[S.DEADLINE_OVERDUE, "title" to deadline.title, "date" to date]
        deadline.daysLeft == 0L -> strings[S.DEADLINE_TODAY, "title" to deadline.title, "date" to date]
        else -> strings[S.DEADLINE_LEFT, "title" to deadline.title,
            "days" to strings.plural(P.DAYS, deadline.daysLeft.coerceAtMost(Int.MAX_VALUE.toLong()).toInt()), "date" to date]
    }
    Surface(
        // The timeline says why the date is what it is, and opens the rule's article and contacts from there.
        onClick = { onAction(Open(Destination.MyDates)) },
        shape = RoundedCornerShape(16.dp),
        color = if (deadline.overdue) MaterialTheme.colorScheme.errorContainer else MaterialTheme.colorScheme.secondaryContainer,
        contentColor = if (deadline.overdue) MaterialTheme.colorScheme.onErrorContainer else MaterialTheme.colorScheme.onSecondaryContainer,
        border = if (deadline.overdue) BorderStroke(maxOf(extras.borderWidth, 2.dp), extras.emergency) else null,
        modifier = Modifier.fillMaxWidth().testTag(if (deadline.overdue) "deadline-overdue" else "deadline"),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(strings[S.MY_DATES], style = MaterialTheme.typography.labelLarge)
            Text(line, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
            if (deadline.overdue) Text(strings[S.DEADLINE_WHAT_NOW], style = MaterialTheme.typography.bodyLarge)
            if (deadline.earliestPossible) Text(strings[S.DEADLINE_EARLIEST], style = MaterialTheme.typography.bodyMedium)
            deadline.movedFrom?.let { before ->
                Text(
                    strings[S.DEADLINE_MOVED, "before" to strings.date(before), "after" to date,
                        "source" to (deadline.movedSource ?: "—"),
                        "date" to (deadline.movedVerified?.let { strings.date(it) } ?: strings[S.MARK_NOT_VERIFIED])],
                    style = MaterialTheme.typography.bodyMedium,
                    modifier = Modifier.testTag("deadline-moved"),
                )
            }
        }
    }
}

@Composable
private fun StageCard(summary: StageSummary, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideCard(
        onClick = { onAction(Open(Destination.Guide(summary.stage))) },
        container = MaterialTheme.colorScheme.primaryContainer,
        modifier = Modifier.testTag("stage:${summary.stage.code()}"),
    ) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Column(Modifier.weight(1f), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                WholeWordsText(stageTitle(strings, summary.stage), style = MaterialTheme.typography.titleMedium)
                Text(stageHint(strings, summary.stage), style = MaterialTheme.typography.bodyLarge)
                Text(
                    stageCounts(strings, summary),
                    style = MaterialTheme.typography.bodyMedium,
                    color = MaterialTheme.colorScheme.onSurfaceVariant,
                )
            }
            Icon(Icons.AutoMirrored.Filled.KeyboardArrowRight, contentDescription = null, modifier = Modifier.size(iconSize(24.dp)))
        }
    }
}

private fun stageCounts(strings: Strings, summary: StageSummary): String = when {
    summary.articles == 0 && summary.checklists == 0 -> strings[S.STAGE_EMPTY_SHORT]
    summary.checklists == 0 -> strings.plural(P.ARTICLES, summary.articles)
    summary.articles == 0 -> strings.plural(P.CHECKLISTS, summary.checklists)
    else -> strings.plural(P.ARTICLES, summary.articles) + " · " + strings.plural(P.CHECKLISTS, summary.checklists)
}

@Composable
private fun Tile(icon: ImageVector, title: String, hint: String, tag: String, badge: Int = 0, onClick: () -> Unit) {
    GuideCard(onClick = onClick, modifier = Modifier.testTag(tag)) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Icon(icon, contentDescription = null, tint = MaterialTheme.colorScheme.primary, modifier = Modifier.size(iconSize(28.dp)))
            Spacer(Modifier.width(16.dp))
            Column(Modifier.weight(1f)) {
                WholeWordsText(title, style = MaterialTheme.typography.titleMedium)
                Text(hint, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
                if (badge > 0) NewAnswersBadge(badge, Modifier.padding(top = 4.dp).testTag("$tag-badge"))
            }
        }
    }
}

@Composable
private fun StatusLine(status: ContentStatus) {
    val strings = LocalStrings.current
    Column(Modifier.fillMaxWidth().padding(top = 8.dp).testTag("status"), verticalArrangement = Arrangement.spacedBy(2.dp)) {
        Text(
            status.published?.let { strings[S.STATUS_CONTENT_DATE, "date" to strings.date(it)] } ?: strings[S.STATUS_NO_CONTENT],
            style = MaterialTheme.typography.bodyMedium,
            color = MaterialTheme.colorScheme.onSurfaceVariant,
        )
        Text(lastSyncText(strings, status), style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
        if (status.mayBeOutdated) {
            Text(strings[S.STATUS_MAY_BE_OUTDATED], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error)
        }
    }
}
