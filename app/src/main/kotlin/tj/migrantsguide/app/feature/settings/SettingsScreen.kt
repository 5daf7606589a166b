package tj.migrantsguide.app.feature.settings

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.Place
import androidx.compose.material.icons.filled.Refresh
import androidx.compose.material.icons.filled.Share
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.ContentEdition
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.data.SyncOutcome
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.designsystem.Choice
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.designsystem.WarningNote
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.model.contentStatus
import tj.migrantsguide.app.model.lastSyncText
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.LocalClassModeOpener
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.data.Signer
import tj.migrantsguide.app.model.signedText
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.text.ownName
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme
import tj.migrantsguide.store.Provenance
import tj.migrantsguide.sync.Rejection

data class SettingsState(
    val language: Language,
    val countryName: String,
    val textSize: TextSize,
    val theme: Theme,
    val syncAvailable: Boolean,
    val sync: SyncState,
    /** The sync line as on the home screen ("Last updated: never"). */
    val lastSync: String,
    val edition: ContentEdition?,
    /** For the time of the last successful update. */
    val zone: java.time.ZoneId = java.time.ZoneOffset.UTC,
    /** Where the installed content came from (issue 17); null when not known. */
    val provenance: Provenance? = null,
    /** Whose key signed it: the Ministry is named only for a key the app trusts by itself. */
    val signer: Signer? = null,
)

sealed interface SettingsAction : UiAction {
    data class SetLanguage(val language: Language) : SettingsAction
    data class SetTextSize(val size: TextSize) : SettingsAction
    data class SetTheme(val theme: Theme) : SettingsAction
    data object SyncNow : SettingsAction
}

@Composable
fun SettingsScreen(controller: AppController, settings: Settings, country: String, language: Language) {
    val services = controller.services
    val sync by services.sync.state.collectAsState()
    val revision by services.content.revision.collectAsState()
    val loaded by produceState<Pair<String, ContentEdition?>?>(null, country, language, revision) {
        value = withContext(services.background) {
            (services.content.countries().firstOrNull { it.code() == country }?.name(language) ?: country) to services.content.edition()
        }
    }
    val provenance by produceState<Pair<Provenance, Signer?>?>(null, revision) {
        value = withContext(services.background) {
            runCatching { services.content.provenance()?.let { it to services.content.signer() } }.getOrNull()
        }
    }
    val strings = LocalStrings.current
    val state = SettingsState(
        language = language,
        countryName = loaded?.first ?: country,
        textSize = settings.textSize,
        theme = settings.theme,
        syncAvailable = services.sync.available,
        sync = sync,
        lastSync = lastSyncText(strings, contentStatus(loaded?.second, sync, services.clock)),
        edition = loaded?.second,
        zone = services.clock.zone,
        provenance = provenance?.first,
        signer = provenance?.second,
    )
    SettingsContent(state) { action ->
        when (action) {
            is SettingsAction.SetLanguage -> controller.save { services.userData.updateSettings { it.copy(language = action.language) } }
            is SettingsAction.SetTextSize -> controller.save { services.userData.updateSettings { it.copy(textSize = action.size) } }
            is SettingsAction.SetTheme -> controller.save { services.userData.updateSettings { it.copy(theme = action.theme) } }
            SettingsAction.SyncNow -> services.sync.syncNow()
            else -> controller.handle(action)
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
fun SettingsContent(state: SettingsState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.SETTINGS], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        val openClassMode = LocalClassModeOpener.current
        LazyColumn(
            Modifier.fillMaxSize().testTag("settings"),
            contentPadding = screenPadding(),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            item { SectionTitle(strings[S.LANGUAGE]) }
            for (language in Language.entries) {
                item {
                    Choice(language.ownName(), selected = language == state.language, tag = "language:${language.code()}") {
                        onAction(SettingsAction.SetLanguage(language))
                    }
                }
            }
            item { SectionTitle(strings[S.COUNTRY]) }
            item {
                FlowRow(
                    modifier = Modifier.fillMaxWidth(),
                    horizontalArrangement = Arrangement.SpaceBetween,
                    verticalArrangement = Arrangement.spacedBy(8.dp),
                    itemVerticalAlignment = Alignment.CenterVertically,
                ) {
                    Text(state.countryName, style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(end = 8.dp))
                    SecondaryAction(strings[S.CHANGE], onClick = { onAction(Open(Destination.ChooseCountry)) }, icon = Icons.Filled.Place)
                }
            }
            item { SectionTitle(strings[S.TEXT_SIZE]) }
            item {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    for (size in TextSize.entries) {
                        val selected = size == state.textSize
                        val label = "${size.percent()}%"
                        if (selected) {
                            PrimaryAction(label, onClick = {}, modifier = Modifier.testTag("text-size:${size.percent()}"))
                        } else {
                            SecondaryAction(label, onClick = { onAction(SettingsAction.SetTextSize(size)) }, modifier = Modifier.testTag("text-size:${size.percent()}"))
                        }
                    }
                }
            }
            item { Text(strings[S.TEXT_SIZE_SAMPLE], style = MaterialTheme.typography.bodyLarge) }
            item { SectionTitle(strings[S.THEME]) }
            for (theme in Theme.entries) {
                item {
                    Choice(themeName(strings, theme), selected = theme == state.theme, tag = "theme:${theme.code()}") {
                        onAction(SettingsAction.SetTheme(theme))
                    }
                }
            }
            item { SectionTitle(strings[S.UPDATES]) }
            state.provenance?.let { provenance ->
                item { Text(provenanceText(strings, provenance, state.signer, state.zone), style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("provenance")) }
            }
            item { SyncBlock(state, onAction) }
            item {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    SecondaryAction(strings[S.WHAT_CHANGED], onClick = { onAction(Open(Destination.Changes)) }, modifier = Modifier.testTag("open-changes"))
                    SecondaryAction(strings[S.SHARE], onClick = { onAction(Open(Destination.Share)) }, icon = Icons.Filled.Share, modifier = Modifier.testTag("open-share"))
                }
            }
            item { SectionTitle(strings[S.ABOUT]) }
            item {
                GuideCard(onClick = { onAction(Open(Destination.About)) }) {
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        androidx.compose.material3.Icon(Icons.Filled.Info, contentDescription = null, tint = MaterialTheme.colorScheme.primary)
                        Spacer(Modifier.width(12.dp))
                        Column {
                            Text(strings[S.ABOUT], style = MaterialTheme.typography.titleMedium)
                            state.edition?.let {
                                Text(strings[S.CONTENT_VERSION, "version" to it.version], style = MaterialTheme.typography.bodyMedium)
                            }
                        }
                    }
                }
            }
            if (openClassMode != null) {
                item { SectionTitle(strings[S.CLASS_MODE]) }
                item { Text(strings[S.CLASS_MODE_HINT], style = MaterialTheme.typography.bodyLarge) }
                item { SecondaryAction(strings[S.CLASS_MODE], onClick = { openClassMode() }, modifier = Modifier.testTag("open-class-mode")) }
            }
        }
    }
}

@Composable
private fun SyncBlock(state: SettingsState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(state.lastSync, style = MaterialTheme.typography.bodyLarge)
        state.sync.lastSuccess?.let { at ->
            Text(
                strings[S.SYNC_LAST_SUCCESS, "date" to strings.date(at.atZone(state.zone).toLocalDate()) + " " + at.atZone(state.zone).toLocalTime().withSecond(0).withNano(0)],
                style = MaterialTheme.typography.bodyMedium,
                modifier = Modifier.testTag("last-success"),
            )
        }
        if (!state.syncAvailable) {
            WarningNote(strings[S.SYNC_NO_FEED])
            return@Column
        }
        if (state.sync.running) {
            val total = state.sync.bytesTotal
            if (total != null && total > 0) {
                LinearProgressIndicator(
                    progress = { (state.sync.bytesDone.toFloat() / total).coerceIn(0f, 1f) },
                    modifier = Modifier.fillMaxWidth().testTag("sync-progress"),
                )
                Text(
                    strings[S.SYNC_PROGRESS_BYTES, "done" to (state.sync.bytesDone / 1024).toString(), "total" to ((total + 1023) / 1024).toString()],
                    style = MaterialTheme.typography.bodyMedium,
                    modifier = Modifier.testTag("sync-bytes"),
                )
            } else {
                LinearProgressIndicator(Modifier.fillMaxWidth().testTag("sync-progress"))
                Text(strings[S.SYNC_CHECKING], style = MaterialTheme.typography.bodyMedium)
            }
        } else {
            PrimaryAction(strings[S.SYNC_NOW], onClick = { onAction(SettingsAction.SyncNow) }, icon = Icons.Filled.Refresh, modifier = Modifier.testTag("sync-now"))
        }
        state.sync.lastResult?.let {
            Text(syncOutcomeText(strings, it), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("sync-result"))
        }
    }
}

/** What happened and what to do, for every way an update can end. */
fun syncOutcomeText(strings: Strings, outcome: SyncOutcome): String = when (outcome) {
    is SyncOutcome.Updated -> strings[S.SYNC_UPDATED, "version" to outcome.toVersion]
    is SyncOutcome.UpToDate -> if (outcome.mayBeOutdated) strings[S.SYNC_UP_TO_DATE_OLD] else strings[S.SYNC_UP_TO_DATE]
    SyncOutcome.Offline -> strings[S.SYNC_OFFLINE]
    is SyncOutcome.Rejected -> rejectionText(strings, outcome) + " " + strings[S.SYNC_NOTHING_CHANGED]
    is SyncOutcome.Failed -> strings[S.SYNC_FAILED, "reason" to outcome.what] + " " + strings[S.SYNC_NOTHING_CHANGED]
}

private fun rejectionText(strings: Strings, rejected: SyncOutcome.Rejected): String = when (rejected.reason) {
    Rejection.Reason.HTTP_ERROR -> strings[S.SYNC_REJECT_SERVER, "details" to rejected.details]
    Rejection.Reason.WRONG_CONTENT_TYPE -> strings[S.SYNC_REJECT_PORTAL]
    Rejection.Reason.TIMEOUT -> strings[S.SYNC_REJECT_TIMEOUT]
    Rejection.Reason.UNSUPPORTED_ENCODING, Rejection.Reason.TOO_LARGE, Rejection.Reason.COMPRESSION_BOMB,
    Rejection.Reason.TRUNCATED, Rejection.Reason.BAD_FORMAT, Rejection.Reason.MISSING_FILE,
    Rejection.Reason.OUTSIDE_FOLDER -> strings[S.SYNC_REJECT_DAMAGED]
    Rejection.Reason.UNKNOWN_KEY, Rejection.Reason.BAD_SIGNATURE, Rejection.Reason.UNAUTHORISED_KEYS,
    Rejection.Reason.TAMPERED_PACK, Rejection.Reason.MIX_AND_MATCH -> strings[S.SYNC_REJECT_SIGNATURE]
    Rejection.Reason.UNSUPPORTED_FORMAT -> strings[S.SYNC_REJECT_NEWER_APP]
    Rejection.Reason.ROLLBACK, Rejection.Reason.SAME_VERSION_OTHER_CONTENT -> strings[S.SYNC_REJECT_OLDER]
    Rejection.Reason.EXPIRED -> strings[S.SYNC_REJECT_EXPIRED]
}

/**
 * "Version 14, signed by the Ministry (key 06118ee4…), received from 192.168.1.20 on 2 December" / "… from a folder
 * on …" / "… built into the app"; "signed with the development key …" or "… a key an editor added" when it is not the
 * Ministry's ([signedText]).
 */
fun provenanceText(strings: Strings, provenance: Provenance, signer: Signer?, zone: java.time.ZoneId): String {
    val date = strings.date(provenance.installedAt().atZone(zone).toLocalDate())
    val key = provenance.shortKeyId().orElse(null)
    val version = provenance.version()
    if (key == null || provenance.origin() == Provenance.Origin.UNKNOWN) {
        return strings[S.PROVENANCE_UNKNOWN, "version" to version, "date" to date]
    }
    val signed = signedText(strings, signer, key)
    return when (provenance.origin()) {
        Provenance.Origin.APP -> strings[S.PROVENANCE_APP, "version" to version, "signed" to signed]
        Provenance.Origin.FOLDER -> strings[S.PROVENANCE_FOLDER, "version" to version, "signed" to signed, "date" to date]
        else -> strings[S.PROVENANCE_NETWORK, "version" to version, "signed" to signed, "date" to date, "place" to provenance.place().orElse("?")]
    }
}

fun themeName(strings: Strings, theme: Theme): String = when (theme) {
    Theme.LIGHT -> strings[S.THEME_LIGHT]
    Theme.DARK -> strings[S.THEME_DARK]
    Theme.HIGH_CONTRAST -> strings[S.THEME_HIGH_CONTRAST]
}
