package tj.migrantsguide.app.feature.changes

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Info
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
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S

/**
 * Said once after an update, above whatever screen is open: "Updated: 3 articles, 1 phone number changed", with
 * "What changed" and "Close". Either button marks it seen. It comes first in the Tab order of the window.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun UpdatedNotice(text: String, onOpen: () -> Unit, onClose: () -> Unit, modifier: Modifier = Modifier) {
    val strings = LocalStrings.current
    Surface(
        color = MaterialTheme.colorScheme.secondaryContainer,
        contentColor = MaterialTheme.colorScheme.onSecondaryContainer,
        border = androidx.compose.foundation.BorderStroke(LocalGuideColors.current.borderWidth, LocalGuideColors.current.border),
        modifier = modifier.fillMaxWidth().testTag("updated-notice"),
    ) {
        Column(Modifier.padding(horizontal = 12.dp, vertical = 8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(
                text,
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite }.testTag("updated-text"),
            )
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                PrimaryAction(strings[S.WHAT_CHANGED], onClick = onOpen, icon = Icons.Filled.Info, modifier = Modifier.testTag("open-changes"))
                SecondaryAction(strings[S.CLOSE], onClick = onClose, modifier = Modifier.testTag("close-updated"))
            }
        }
    }
}
