package tj.migrantsguide.app.feature.start

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.KeyboardArrowRight
import androidx.compose.material.icons.filled.Check
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.iconSize
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.model.CountryChoice
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.text.ownName
import tj.migrantsguide.guide.Country
import tj.migrantsguide.guide.Language

sealed interface StartAction : UiAction {
    data class PickLanguage(val language: Language) : StartAction
    data class PickCountry(val code: String) : StartAction
}

/**
 * First start, step 1: the three languages, each named in itself and asked for in itself, because the person
 * may read only one of them. No back button: there is nowhere to go back to.
 */
@Composable
fun LanguagePickerContent(selected: Language?, onAction: (UiAction) -> Unit) {
    androidx.compose.material3.Surface(
        Modifier.fillMaxSize().testTag("pick-language"),
        color = MaterialTheme.colorScheme.background,
        contentColor = MaterialTheme.colorScheme.onBackground,
    ) {
        LazyColumn(
            contentPadding = screenPadding(),
            verticalArrangement = Arrangement.spacedBy(16.dp),
        ) {
            item {
                Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    for (language in Language.entries) {
                        val strings = Strings.of(language)
                        Text(strings[S.APP_NAME], style = MaterialTheme.typography.headlineSmall, color = MaterialTheme.colorScheme.primary)
                    }
                }
            }
            item {
                Column(verticalArrangement = Arrangement.spacedBy(2.dp)) {
                    for (language in Language.entries) {
                        Text(Strings.of(language)[S.CHOOSE_LANGUAGE], style = MaterialTheme.typography.bodyLarge)
                    }
                }
            }
            items(Language.entries, key = { it.code() }) { language ->
                BigChoice(language.ownName(), selected = language == selected, tag = "pick:${language.code()}") {
                    onAction(StartAction.PickLanguage(language))
                }
            }
        }
    }
}

/** Step 2 (and Settings → Country): the destinations, sorted for the reader. */
@Composable
fun CountryPickerContent(
    countries: List<CountryChoice>?,
    selected: String?,
    onAction: (UiAction) -> Unit,
    onBack: (() -> Unit)?,
) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.CHOOSE_COUNTRY], onBack = onBack, onEmergency = null) {
        LazyColumn(
            Modifier.fillMaxSize().testTag("pick-country"),
            contentPadding = screenPadding(),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { Text(strings[S.CHOOSE_COUNTRY_HINT], style = MaterialTheme.typography.bodyLarge) }
            if (countries != null && countries.isEmpty()) item { EmptyNote(strings[S.NO_COUNTRIES]) }
            items(countries.orEmpty(), key = { it.code }) { country ->
                BigChoice(country.name, selected = country.code == selected, tag = "country:${country.code}") {
                    onAction(StartAction.PickCountry(country.code))
                }
            }
        }
    }
}

@Composable
private fun BigChoice(text: String, selected: Boolean, tag: String, onClick: () -> Unit) {
    GuideCard(
        onClick = onClick,
        container = if (selected) MaterialTheme.colorScheme.primaryContainer else MaterialTheme.colorScheme.surfaceContainer,
        modifier = Modifier.defaultMinSize(minHeight = 64.dp).testTag(tag),
    ) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            // titleLarge at 200% fits no more than 13 letters a line beside the arrow: "Великобритания" and
            // "Объединённые" would break mid-word. From 150% the name takes the (still large) titleMedium.
            Text(
                text,
                style = if (androidx.compose.ui.platform.LocalDensity.current.fontScale >= 1.5f) MaterialTheme.typography.titleMedium
                else MaterialTheme.typography.titleLarge,
                modifier = Modifier.weight(1f).padding(vertical = 4.dp).semantics { heading() },
            )
            Spacer(Modifier.width(8.dp))
            Icon(
                if (selected) Icons.Filled.Check else Icons.AutoMirrored.Filled.KeyboardArrowRight,
                contentDescription = null,
                tint = MaterialTheme.colorScheme.primary,
                modifier = Modifier.size(iconSize(24.dp)),
            )
        }
    }
}

