package tj.migrantsguide.app.designsystem

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import java.util.Optional
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.model.sourceLine
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.NamedSource

/**
 * At the top of an article or checklist whose main practical fact is not confirmed (`verified: unknown`, content
 * rule 1): the same visible warning a contact without a verified number gets, in words a migrant understands, with
 * the two channels to ask before acting: the "Always in Touch" form and the contacts (issue 21).
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun NotConfirmedNote(onAction: (UiAction) -> Unit, modifier: Modifier = Modifier) {
    val strings = LocalStrings.current
    Column(modifier.testTag("not-confirmed"), verticalArrangement = Arrangement.spacedBy(6.dp)) {
        WarningNote(strings[S.NOT_CONFIRMED])
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            SecondaryAction(strings[S.ASK], onClick = { onAction(Open(Destination.Ask())) }, modifier = Modifier.testTag("not-confirmed-ask"))
            SecondaryAction(strings[S.CONTACTS], onClick = { onAction(Open(Destination.Contacts())) }, modifier = Modifier.testTag("not-confirmed-contacts"))
        }
    }
}

/** "Last checked: 23.11.2026", or a plain statement that the date is unknown (content rule 1). */
@Composable
fun VerifiedLine(verified: Optional<LocalDate>, modifier: Modifier = Modifier) {
    val strings = LocalStrings.current
    Text(
        verifiedText(strings, verified),
        style = MaterialTheme.typography.bodyMedium,
        color = MaterialTheme.colorScheme.onSurfaceVariant,
        modifier = modifier,
    )
}

fun verifiedText(strings: Strings, verified: Optional<LocalDate>): String =
    verified.map { strings[S.VERIFIED_ON, "date" to strings.date(it)] }.orElse(strings[S.VERIFIED_UNKNOWN])

/** Where the facts come from: document and line, official page, or law. Small, but always there. */
@Composable
fun SourcesBlock(sources: List<String>, modifier: Modifier = Modifier, initiallyShown: Boolean = false) {
    if (sources.isEmpty()) return
    val strings = LocalStrings.current
    val table = LocalNamedSources.current
    val lines = remember(sources, table, strings) { sources.map { sourceLine(strings, strings.language, it, table) } }
    var shown by rememberSaveable(sources) { mutableStateOf(initiallyShown) }
    Column(modifier.testTag("sources"), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(strings[S.SOURCES], style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.onSurfaceVariant)
        for (line in lines) {
            Text(line.title, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant,
                modifier = Modifier.testTag("source-title"))
            if (shown) {
                line.quote?.let { Text("«$it»", style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("source-quote")) }
                line.where?.let { Text(it, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant) }
            }
        }
        if (lines.any { it.quote != null || it.where != null }) {
            QuietAction(
                if (shown) strings[S.SOURCE_HIDE_WORDS] else strings[S.SOURCE_SHOW_WORDS],
                onClick = { shown = !shown },
                modifier = Modifier.testTag("source-words"),
            )
        }
    }
}

/** The named-source table of the installed content (issue 21), provided by the window; empty in screens without it. */
val LocalNamedSources = staticCompositionLocalOf<List<NamedSource>> { emptyList() }

/** Shown on an item that is not yet translated into the reader's language (content rule 4). */
@Composable
fun FallbackNote(itemLanguage: Language, readerLanguage: Language) {
    if (itemLanguage == readerLanguage) return
    val strings = LocalStrings.current
    WarningNote(strings[S.NOT_TRANSLATED, "language" to strings.languageName(itemLanguage)])
}

/** The name of a language in the reader's language ("in Russian"), for markers. */
fun Strings.languageName(language: Language): String = when (language) {
    Language.TAJIK -> this[S.LANGUAGE_TAJIK]
    Language.RUSSIAN -> this[S.LANGUAGE_RUSSIAN]
    Language.ENGLISH -> this[S.LANGUAGE_ENGLISH]
}
