package tj.migrantsguide.app.designsystem

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Call
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.LocalContentColor
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import tj.migrantsguide.app.data.QuestionForm
import tj.migrantsguide.app.data.ReportedNumber
import tj.migrantsguide.app.model.ArticleText
import tj.migrantsguide.app.model.ref
import tj.migrantsguide.app.navigation.Call
import tj.migrantsguide.app.navigation.CopyNumber
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.OpenWebsite
import tj.migrantsguide.app.navigation.SetBookmark
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Phone
import tj.migrantsguide.questions.ReportedContact
import tj.migrantsguide.questions.Topic

/**
 * One contact in full: its numbers large with Call and Copy, the markers that say how far each number can be
 * trusted, where and when, and the way to report a dead number.
 */
@Composable
fun ContactCard(
    contact: Contact,
    readerLanguage: Language,
    countryLabel: String?,
    bookmarked: Boolean,
    onAction: (UiAction) -> Unit,
    modifier: Modifier = Modifier,
    container: Color = MaterialTheme.colorScheme.surfaceContainer,
    /** The nearest contact with a callable number, when this one has none ("Call instead: …"). */
    callInstead: Contact? = null,
) {
    val strings = LocalStrings.current
    GuideCard(modifier.testTag("contact:${contact.id()}"), container = container) {
        Row(verticalAlignment = Alignment.Top) {
            Column(Modifier.weight(1f), verticalArrangement = Arrangement.spacedBy(2.dp)) {
                WholeWordsText(contact.name(), style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                if (countryLabel != null) {
                    Text(countryLabel, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
                }
            }
            BookmarkButton(bookmarked) { onAction(SetBookmark(contact.ref(), !bookmarked)) }
        }
        FallbackNote(contact.language(), readerLanguage)
        if (contact.phones().isEmpty()) {
            WarningNote(strings[S.NO_VERIFIED_NUMBER])
        } else {
            for (phone in contact.phones()) PhoneBlock(contact, phone, onAction)
            if (contact.verified().isEmpty) WarningNote(strings[S.NUMBER_NOT_VERIFIED])
        }
        if (contact.note().isNotBlank()) {
            Text(ArticleText.withoutLinks(contact.note()), style = MaterialTheme.typography.bodyLarge)
        }
        if (callInstead != null) {
            SecondaryAction(
                strings[S.CALL_INSTEAD, "name" to callInstead.name()],
                onClick = { onAction(Open(Destination.Contact(callInstead.ref()))) },
                modifier = Modifier.testTag("call-instead:${contact.id()}"),
            )
        }
        Detail(strings[S.ADDRESS], contact.address())
        Detail(strings[S.HOURS], contact.hours())
        Detail(strings[S.LANGUAGES_SPOKEN], contact.languagesSpoken())
        Detail(strings[S.EMAIL], contact.email())
        if (contact.website().isNotBlank()) {
            Detail(strings[S.WEBSITE], contact.website())
            SecondaryAction(strings[S.OPEN_WEBSITE], onClick = { onAction(OpenWebsite(contact.website())) })
        }
        VerifiedLine(contact.verified())
        SourcesBlock(contact.sources())
        if (contact.phones().isNotEmpty()) {
            val number = contact.phones().first().display()
            QuietAction(
                strings[S.REPORT_NUMBER],
                modifier = Modifier.testTag("report:${contact.id()}"),
                onClick = { onAction(Open(Destination.Ask(reportNumberForm(contact, number, strings)))) },
            )
        }
    }
}

/**
 * The question form as "This number does not work" opens it: topic "report a problem", a message naming the
 * number and the contact, and the contact's id and number for the editors' page of the desk.
 */
fun reportNumberForm(contact: Contact, number: String, strings: Strings): QuestionForm =
    QuestionForm(
        topic = Topic.REPORT_A_PROBLEM,
        country = contact.countryCode(),
        message = strings[S.REPORT_NUMBER_MESSAGE, "number" to number, "name" to contact.name()],
        report = ReportedContact.parse("contact/${contact.countryCode()}/${contact.id()}")
            .map { ReportedNumber(it, contact.name(), number) }.orElse(null),
    )

/**
 * The emergency card's lines (home screen, question form): one compact row per contact with its first number —
 * name, the number large, Call and Copy as icon buttons — and a short marker when the number is not verified or
 * cannot be dialled from abroad as printed. Everything else (second numbers, notes, sources) is one tap away in
 * the full list. From 150% text the buttons go under the number, so that the number is never squeezed.
 */
@Composable
fun EmergencyLines(contacts: List<Contact>, onAction: (UiAction) -> Unit) {
    contacts.forEachIndexed { index, contact ->
        if (index > 0) androidx.compose.material3.HorizontalDivider(color = LocalContentColor.current.copy(alpha = 0.25f))
        EmergencyRow(contact, onAction)
    }
}

@Composable
private fun EmergencyRow(contact: Contact, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val phone = contact.phones().firstOrNull()
    val stacked = LocalDensity.current.fontScale >= 1.5f
    // The round buttons grow with the text, so that their icons keep a margin inside the circle.
    val buttonSize = 48.dp * LocalDensity.current.fontScale.coerceIn(1f, 1.25f)
    val details: @Composable (Modifier) -> Unit = { modifier ->
        Column(modifier, verticalArrangement = Arrangement.spacedBy(2.dp)) {
            Text(contact.name(), style = MaterialTheme.typography.bodyMedium, fontWeight = FontWeight.Bold)
            if (phone == null) {
                Marker(strings[S.NO_VERIFIED_NUMBER])
            } else {
                NumberText(phone.display(), style = MaterialTheme.typography.titleLarge, fontWeight = FontWeight.Bold)
                if (!phone.canDial()) Marker(strings[S.MARK_DIAL_FORM])
                if (contact.verified().isEmpty) Marker(strings[S.MARK_NOT_VERIFIED])
            }
        }
    }
    val buttons: @Composable () -> Unit = {
        if (phone != null) {
            if (phone.canDial()) {
                val label = strings[S.CALL_NUMBER, "number" to phone.display()]
                androidx.compose.material3.FilledIconButton(
                    onClick = { onAction(Call(contact.name(), phone)) },
                    colors = androidx.compose.material3.IconButtonDefaults.filledIconButtonColors(
                        containerColor = LocalGuideColors.current.emergency,
                        contentColor = LocalGuideColors.current.onEmergency,
                    ),
                    modifier = Modifier.size(buttonSize).focusRing(androidx.compose.foundation.shape.CircleShape).testTag("call:${phone.digits()}"),
                ) { Icon(Icons.Filled.Call, contentDescription = label, modifier = Modifier.size(iconSize(24.dp))) }
            }
            val label = strings[S.COPY_NUMBER, "number" to phone.display()]
            androidx.compose.material3.OutlinedIconButton(
                onClick = { onAction(CopyNumber(phone)) },
                border = androidx.compose.foundation.BorderStroke(
                    maxOf(LocalGuideColors.current.borderWidth, 1.dp),
                    MaterialTheme.colorScheme.outline,
                ),
                modifier = Modifier.size(buttonSize).focusRing(androidx.compose.foundation.shape.CircleShape).testTag("copy:${phone.digits()}"),
            ) { Icon(GuideIcons.Copy, contentDescription = label, modifier = Modifier.size(iconSize(24.dp))) }
        }
    }
    if (stacked) {
        Column(Modifier.fillMaxWidth().testTag("emergency:${contact.id()}"), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            details(Modifier.fillMaxWidth())
            Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) { buttons() }
        }
    } else {
        Row(
            Modifier.fillMaxWidth().testTag("emergency:${contact.id()}"),
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            details(Modifier.weight(1f))
            buttons()
        }
    }
}

/** A short marker under a number: icon and words, never colour alone. */
@Composable
private fun Marker(text: String) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Icon(Icons.Filled.Warning, contentDescription = null, modifier = Modifier.size(iconSize(16.dp)))
        Spacer(Modifier.width(4.dp))
        Text(text, style = MaterialTheme.typography.bodySmall)
    }
}

/**
 * A number, large, with Call (only when its dialled form is known: we never guess a country code) and Copy, and
 * the marker when it cannot be called as is.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun PhoneBlock(contact: Contact, phone: Phone, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    Column(verticalArrangement = Arrangement.spacedBy(6.dp)) {
        NumberText(phone.display(), style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.Bold)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            PhoneButtons(contact, phone, onAction)
        }
        if (!phone.canDial()) WarningNote(strings[S.DIAL_FORM_UNKNOWN])
    }
}

/** Call (only when the dialled form is known: we never guess a country code) and Copy. */
@Composable
private fun PhoneButtons(contact: Contact, phone: Phone, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    if (phone.canDial()) {
        PrimaryAction(
            strings[S.CALL],
            onClick = { onAction(Call(contact.name(), phone)) },
            icon = Icons.Filled.Call,
            modifier = Modifier.testTag("call:${phone.digits()}"),
        )
    }
    SecondaryAction(
        strings[S.COPY],
        onClick = { onAction(CopyNumber(phone)) },
        icon = GuideIcons.Copy,
        modifier = Modifier.testTag("copy:${phone.digits()}"),
    )
}

@Composable
private fun Detail(label: String, value: String) {
    if (value.isBlank()) return
    Column(Modifier.fillMaxWidth()) {
        Text(label, style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.onSurfaceVariant)
        Text(value, style = MaterialTheme.typography.bodyLarge)
    }
}

@Composable
fun BookmarkButton(bookmarked: Boolean, onToggle: () -> Unit) {
    val strings = LocalStrings.current
    IconButton(onClick = onToggle, modifier = Modifier.focusRing().testTag("bookmark")) {
        Icon(
            if (bookmarked) GuideIcons.Bookmark else GuideIcons.BookmarkBorder,
            contentDescription = if (bookmarked) strings[S.BOOKMARK_REMOVE] else strings[S.BOOKMARK_ADD],
            tint = MaterialTheme.colorScheme.primary,
            modifier = Modifier.size(iconSize(24.dp)),
        )
    }
}
