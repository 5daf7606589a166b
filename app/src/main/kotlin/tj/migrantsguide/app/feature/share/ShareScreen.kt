package tj.migrantsguide.app.feature.share

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Share
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.ShareProblem
import tj.migrantsguide.app.data.ShareState
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.QrCodeBox
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.WarningNote
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.model.signedText
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language

sealed interface ShareAction : UiAction {
    data object Start : ShareAction
    data object Stop : ShareAction
}

/**
 * Share the guide (issue 17): starts and stops serving the device's kept signed feed on the local network, and
 * shows the address as a big QR code with the key's first digits and how the other device syncs. Sharing goes on
 * while the person uses the rest of the app; it stops with "Stop sharing" or when the app closes.
 */
@Composable
fun ShareScreen(controller: AppController, @Suppress("UNUSED_PARAMETER") language: Language) {
    val services = controller.services
    val state by services.sharing.state.collectAsState()
    val scope = rememberCoroutineScope()
    if (state is ShareState.On) {
        LaunchedEffect(Unit) {
            while (true) {
                delay(1000)
                withContext(services.background) { services.sharing.refresh() }
            }
        }
    }
    ShareContent(state) { action ->
        when (action) {
            ShareAction.Start -> scope.launch(services.background) { services.sharing.start() }
            ShareAction.Stop -> scope.launch(services.background) { services.sharing.stop() }
            else -> controller.handle(action)
        }
    }
}

@Composable
fun ShareContent(state: ShareState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.SHARE], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "share", 12.dp) { state ->
            item { Text(strings[S.SHARE_HINT], style = MaterialTheme.typography.bodyLarge) }
            when (state) {
                ShareState.Off -> item {
                    PrimaryAction(strings[S.SHARE_START], onClick = { onAction(ShareAction.Start) }, icon = Icons.Filled.Share, modifier = Modifier.testTag("share-start"))
                }
                ShareState.Starting -> item { Text(strings[S.SHARE_STARTING], style = MaterialTheme.typography.bodyLarge) }
                is ShareState.Problem -> {
                    item { WarningNote(problemText(strings, state), Modifier.testTag("share-problem")) }
                    item { PrimaryAction(strings[S.SHARE_START], onClick = { onAction(ShareAction.Start) }, icon = Icons.Filled.Share, modifier = Modifier.testTag("share-start")) }
                }
                is ShareState.On -> {
                    item { Text(strings[S.SHARE_ON, "version" to state.version], style = MaterialTheme.typography.titleMedium) }
                    item {
                        SelectionContainer {
                            Text(state.url, style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.Bold, modifier = Modifier.testTag("share-url"))
                        }
                    }
                    item {
                        BoxWithConstraints(Modifier.fillMaxWidth()) {
                            QrCodeBox(state.url, Modifier.size(minOf(maxWidth, 360.dp)).testTag("share-qr"))
                        }
                    }
                    item { Text(signedText(strings, state.signer, state.key).replaceFirstChar { it.uppercase() }, style = MaterialTheme.typography.titleMedium, modifier = Modifier.testTag("share-key")) }
                    item {
                        GuideCard {
                            Text(strings[S.SHARE_HOW, "url" to state.url, "key" to state.key], style = MaterialTheme.typography.bodyLarge)
                        }
                    }
                    item {
                        Text(
                            strings[S.SHARE_SERVED, "files" to state.files, "kb" to (state.bytes + 1023) / 1024],
                            style = MaterialTheme.typography.bodyMedium,
                            modifier = Modifier.testTag("share-served"),
                        )
                    }
                    item { SecondaryAction(strings[S.SHARE_STOP], onClick = { onAction(ShareAction.Stop) }, modifier = Modifier.testTag("share-stop")) }
                }
            }
            item { Text(strings[S.SHARE_USB], style = MaterialTheme.typography.bodyMedium) }
        }
    }
}

private fun problemText(strings: Strings, problem: ShareState.Problem): String = when (problem.kind) {
    ShareProblem.NO_NETWORK -> strings[S.SHARE_NO_NETWORK]
    ShareProblem.NOTHING_KEPT -> strings[S.SHARE_NOTHING_KEPT]
    ShareProblem.FAILED -> strings[S.SHARE_FAILED, "reason" to problem.details]
}
