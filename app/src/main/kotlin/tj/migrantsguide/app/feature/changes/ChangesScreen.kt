package tj.migrantsguide.app.feature.changes

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import java.time.ZoneId
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.model.kindTitle
import tj.migrantsguide.app.model.ruleLengthText
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
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.RuleLength
import tj.migrantsguide.store.ContentChanges
import tj.migrantsguide.store.ItemChange
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.text.TextChange

/** One installed update as the What changed screen lists it: its items in the order a person reads them. */
data class UpdateView(
    val id: Long,
    val day: LocalDate,
    val fromVersion: Long,
    val toVersion: Long,
    val rebuilt: Boolean,
    val summary: ContentChanges.Summary,
    val items: List<ChangedItem>,
)

/** An item of an update; [mine] when the person bookmarked it or ticked in its checklist. */
data class ChangedItem(val change: ItemChange, val mine: Boolean)

data class ChangesState(val language: Language, val updates: List<UpdateView>)

/**
 * The updates newest first, each with its items in [language]: numbers changed first, then the person's own
 * items (bookmarked by anyone on the device, or a checklist with a tick of any person), then the rest in guide order.
 */
fun loadChangesState(content: GuideContent, userData: UserData, language: Language, zone: ZoneId): ChangesState {
    val bookmarks = userData.bookmarks.value.toSet()
    val people = userData.people.value
    val ticked = HashMap<ItemRef, Boolean>()
    fun mine(ref: ItemRef): Boolean = ref in bookmarks || (ref.kind() == ItemKind.CHECKLIST &&
        ticked.getOrPut(ref) { people.any { userData.ticked(ref, it.id()).isNotEmpty() } })
    val updates = content.changes(language).map { update ->
        UpdateView(
            id = update.id(),
            day = update.installedAt().atZone(zone).toLocalDate(),
            fromVersion = update.fromVersion(),
            toVersion = update.toVersion(),
            rebuilt = update.kind() == ContentChanges.Kind.REBUILT,
            summary = update.summary(language),
            items = update.forReading(language) { mine(it) }.map { ChangedItem(it, mine(it.ref())) },
        )
    }
    return ChangesState(language, updates)
}

/** "3 articles, 1 phone number changed", in the person's language with its plural forms. */
fun summaryText(strings: Strings, summary: ContentChanges.Summary): String = listOfNotNull(
    summary.articles().takeIf { it > 0 }?.let { strings.plural(P.CHANGED_ARTICLES, it) },
    summary.checklists().takeIf { it > 0 }?.let { strings.plural(P.CHANGED_CHECKLISTS, it) },
    summary.contacts().takeIf { it > 0 }?.let { strings.plural(P.CHANGED_CONTACTS, it) },
    summary.rules().takeIf { it > 0 }?.let { strings.plural(P.CHANGED_RULES, it) },
    summary.numbers().takeIf { it > 0 }?.let { strings.plural(P.CHANGED_NUMBERS, it) },
).joinToString(", ")

/** The line said once after an update: "Updated: 3 articles, 1 phone number changed". */
fun updatedNoticeText(strings: Strings, update: ContentChanges, language: Language): String {
    val summary = update.summary(language)
    return if (summary.isEmpty()) strings[S.UPDATED_ONLY_CHECKED, "version" to update.toVersion()]
    else strings[S.UPDATED_NOTICE, "what" to summaryText(strings, summary)]
}

@Composable
fun ChangesScreen(controller: AppController, language: Language) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val bookmarks by services.userData.bookmarks.collectAsState()
    val ticks by services.userData.ticksRevision.collectAsState()
    val state by produceState<ChangesState?>(null, language, revision, bookmarks, ticks) {
        value = withContext(services.background) { loadChangesState(services.content, services.userData, language, services.clock.zone) }
    }
    ChangesContent(state, controller::handle)
}

@Composable
fun ChangesContent(state: ChangesState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.WHAT_CHANGED], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "changes", 10.dp) { state ->
            if (state.updates.isEmpty()) {
                item { EmptyNote(strings[S.WHAT_CHANGED_EMPTY]) }
                return@LoadedList
            }
            item { Text(legend(strings), style = MaterialTheme.typography.bodyMedium) }
            for (update in state.updates) {
                item(key = "update:${update.id}") {
                    SectionTitle(
                        if (update.rebuilt) strings[S.WHAT_CHANGED_REBUILT, "date" to strings.date(update.day)]
                        else strings[S.WHAT_CHANGED_UPDATE, "date" to strings.date(update.day), "from" to update.fromVersion, "to" to update.toVersion],
                    )
                }
                if (!update.rebuilt && !update.summary.isEmpty()) {
                    item(key = "summary:${update.id}") { Text(summaryText(strings, update.summary), style = MaterialTheme.typography.bodyLarge) }
                }
                items(update.items, key = { "item:${update.id}:${it.change.ref().code()}:${it.change.language().code()}" }) { item ->
                    ChangedItemCard(item, onAction)
                }
            }
        }
    }
}

/** The legend, itself drawn with the marks it explains. */
@Composable
private fun legend(strings: Strings): AnnotatedString = AnnotatedString(strings[S.WHAT_CHANGED_LEGEND])

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ChangedItemCard(item: ChangedItem, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val change = item.change
    val open = if (change.change() == ItemChange.Change.REMOVED) null else ({ onAction(Open(Destination.of(change.ref()))) })
    GuideCard(Modifier.testTag("change:${change.id()}"), onClick = open) {
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), modifier = Modifier.fillMaxWidth()) {
            Text(changeLabel(strings, change), style = MaterialTheme.typography.labelLarge, fontWeight = FontWeight.Bold,
                color = if (change.touchesNumbers()) tj.migrantsguide.app.designsystem.LocalGuideColors.current.emergency else MaterialTheme.colorScheme.primary)
            Text("· " + kindTitle(strings, change.kind()), style = MaterialTheme.typography.labelLarge)
        }
        Text(
            if (change.change() == ItemChange.Change.REMOVED) marked(TextChange.all(change.title(), TextChange.Mark.REMOVED)) else AnnotatedString(change.title()),
            style = MaterialTheme.typography.titleMedium,
        )
        if (item.mine) Text("★ " + strings[S.CHANGE_YOURS], style = MaterialTheme.typography.bodyMedium, fontWeight = FontWeight.Bold)
        val removed = removedStyle()
        val added = addedStyle()
        for (number in change.numbers()) {
            Text(
                buildAnnotatedString {
                    append(strings[S.CHANGE_NUMBER_LABEL] + ": ")
                    number.before().ifPresent { withStyle(removed) { append(it) } }
                    if (number.before().isPresent && number.after().isPresent) append(" → ")
                    number.after().ifPresent { withStyle(added) { append(it) } }
                },
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.testTag("number-change"),
            )
        }
        for (field in change.fields()) {
            if (field.field() == ItemChange.Field.TITLE && change.change() != ItemChange.Change.CHANGED) continue
            Text(fieldName(strings, field.field()), style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
            if (field.field() == ItemChange.Field.LENGTH) {
                Text(lengthChange(strings, field.text()), style = MaterialTheme.typography.titleMedium, modifier = Modifier.testTag("length-change"))
            } else {
                Text(marked(field.text().around(8)), style = MaterialTheme.typography.bodyLarge)
            }
        }
        for (line in change.lines()) {
            val text = marked(line.text())
            Text(buildAnnotatedString {
                append(strings[S.CHANGE_LINE] + ": ")
                append(text)
            }, style = MaterialTheme.typography.bodyLarge)
        }
        if (!change.substantive()) Text(strings[S.CHANGE_ONLY_CHECKED], style = MaterialTheme.typography.bodyMedium)
    }
}

private fun changeLabel(strings: Strings, change: ItemChange): String = when {
    change.change() == ItemChange.Change.CHANGED && change.touchesNumbers() -> strings[S.CHANGE_NUMBER]
    change.change() == ItemChange.Change.ADDED -> strings[S.CHANGE_ADDED]
    change.change() == ItemChange.Change.REMOVED -> strings[S.CHANGE_REMOVED]
    else -> strings[S.CHANGE_CHANGED]
}

private fun fieldName(strings: Strings, field: ItemChange.Field): String = when (field) {
    ItemChange.Field.TITLE -> strings[S.FIELD_TITLE]
    ItemChange.Field.NAME -> strings[S.FIELD_NAME]
    ItemChange.Field.BODY -> strings[S.FIELD_BODY]
    ItemChange.Field.LENGTH -> strings[S.FIELD_LENGTH]
    ItemChange.Field.MISSED -> strings[S.FIELD_MISSED]
    ItemChange.Field.ADDRESS -> strings[S.ADDRESS]
    ItemChange.Field.HOURS -> strings[S.HOURS]
    ItemChange.Field.LANGUAGES -> strings[S.LANGUAGES_SPOKEN]
    ItemChange.Field.EMAIL -> strings[S.EMAIL]
    ItemChange.Field.WEBSITE -> strings[S.WEBSITE]
    ItemChange.Field.NOTE -> strings[S.FIELD_NOTE]
    ItemChange.Field.SOURCES -> strings[S.SOURCES]
    ItemChange.Field.CHECKED -> strings[S.FIELD_CHECKED]
}

/**
 * A deadline rule's length, old struck and new highlighted, in words ("15 days → 30 days"): the stored text is the
 * feed's code ("15 calendar-days"), which a person should not have to read.
 */
@Composable
private fun lengthChange(strings: Strings, text: TextChange): AnnotatedString {
    fun words(code: String): String? = code.takeIf { it.isNotBlank() }
        ?.let { RuleLength.parse(it).map { length -> ruleLengthText(strings, length) }.orElse(it) }
    val removed = removedStyle()
    val added = addedStyle()
    val before = words(text.before())
    val after = words(text.after())
    return buildAnnotatedString {
        before?.let { withStyle(removed) { append(it) } }
        if (before != null && after != null) append(" → ")
        after?.let { withStyle(added) { append(it) } }
    }
}

/** Removed words struck through (and dimmed), new words underlined, bold and on a highlight: never colour alone. */
@Composable
private fun removedStyle(): SpanStyle = SpanStyle(
    textDecoration = TextDecoration.LineThrough,
    color = MaterialTheme.colorScheme.onSurfaceVariant,
)

@Composable
private fun addedStyle(): SpanStyle = SpanStyle(
    textDecoration = TextDecoration.Underline,
    fontWeight = FontWeight.Bold,
    background = highlight(),
    color = MaterialTheme.colorScheme.onSurface,
)

@Composable
private fun highlight(): Color = MaterialTheme.colorScheme.primary.copy(alpha = 0.22f)

@Composable
fun marked(text: TextChange): AnnotatedString {
    val removed = removedStyle()
    val added = addedStyle()
    return buildAnnotatedString {
        var previous: TextChange.Mark? = null
        for (part in text.parts()) {
            when (part.mark()) {
                TextChange.Mark.KEPT -> append(part.text())
                TextChange.Mark.REMOVED -> withStyle(removed) { append(part.text()) }
                TextChange.Mark.ADDED -> {
                    // Struck words right before new ones ("fireEmergency") would read as one word.
                    if (previous == TextChange.Mark.REMOVED) append(" ")
                    withStyle(added) { append(part.text()) }
                }
            }
            previous = part.mark()
        }
    }
}
