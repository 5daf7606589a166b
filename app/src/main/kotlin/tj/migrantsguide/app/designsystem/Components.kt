package tj.migrantsguide.app.designsystem

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.background
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.calculateEndPadding
import androidx.compose.foundation.layout.calculateStartPadding
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.RowScope
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.foundation.lazy.LazyListState
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.filled.ArrowDropDown
import androidx.compose.material.icons.filled.Call
import androidx.compose.material.icons.filled.Place
import androidx.compose.material.icons.filled.Search
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.clip
import androidx.compose.ui.draw.scale
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S

/**
 * Every screen's frame: a top bar with back (when there is somewhere to go back to), a title that wraps instead of
 * being cut, and the SOS button that opens the emergency numbers from anywhere (two taps to a hotline).
 */
@Composable
fun GuideScreenFrame(
    title: String,
    onBack: (() -> Unit)?,
    onEmergency: (() -> Unit)?,
    modifier: Modifier = Modifier,
    /** Shows a search button beside SOS (search from anywhere; Ctrl+F does the same). */
    onSearch: (() -> Unit)? = null,
    /** Makes the title a button (home: the country, which opens the country picker); [titleClickLabel] names it. */
    onTitleClick: (() -> Unit)? = null,
    titleClickLabel: String? = null,
    content: @Composable ColumnScope.() -> Unit,
) {
    // The bar is always one line: a title too long for it is cut with "…" and shown in full below the bar (in the
    // screen's list when it has one, so that it scrolls away), where it wraps at spaces.
    var cut by remember(title) { mutableStateOf(false) }
    val fullTitle = remember(title) { CutTitle(title) }
    // A Surface, not a plain background: it also sets the content colour, without which text outside cards
    // would be drawn black on the dark and high-contrast themes.
    Surface(modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background, contentColor = MaterialTheme.colorScheme.onBackground) {
    Column(Modifier.fillMaxSize()) {
        Surface(color = MaterialTheme.colorScheme.primary, contentColor = MaterialTheme.colorScheme.onPrimary) {
            Column(Modifier.fillMaxWidth().padding(horizontal = 4.dp, vertical = 4.dp)) {
                Row(Modifier.fillMaxWidth().defaultMinSize(minHeight = 48.dp), verticalAlignment = Alignment.CenterVertically) {
                    if (onBack != null) {
                        IconButton(onClick = onBack, modifier = Modifier.focusRing().testTag("back")) {
                            Icon(
                                Icons.AutoMirrored.Filled.ArrowBack,
                                contentDescription = LocalStrings.current[S.BACK],
                                modifier = Modifier.size(iconSize(24.dp)),
                            )
                        }
                    } else {
                        Spacer(Modifier.width(12.dp))
                    }
                    FrameTitle(title, Modifier.weight(1f), onTitleClick, titleClickLabel) { cut = it }
                    if (onSearch != null) {
                        IconButton(onClick = onSearch, modifier = Modifier.focusRing().testTag("search-button")) {
                            Icon(
                                Icons.Filled.Search,
                                contentDescription = LocalStrings.current[S.SEARCH],
                                modifier = Modifier.size(iconSize(24.dp)),
                            )
                        }
                    }
                    if (onEmergency != null) EmergencyButton(onEmergency)
                }
            }
        }
        if (cut && !fullTitle.shownByList) FullTitle(title)
        CompositionLocalProvider(LocalCutTitle provides if (cut) fullTitle else null) { content() }
    }
    }
}

/** Checkboxes and radio buttons drawn larger with the text (they keep their 48 dp target either way). */
@Composable
fun Modifier.controlScale(): Modifier = this.then(Modifier.scale(LocalDensity.current.fontScale.coerceIn(1f, 1.5f)))

/** A frame's title that did not fit its one-line bar; a list that shows it as its first item says so. */
class CutTitle(val text: String) {
    var shownByList by mutableStateOf(false)
}

/** The frame's title when the bar had to cut it: [LoadedList] shows it in full as its first item. */
val LocalCutTitle = staticCompositionLocalOf<CutTitle?> { null }

/** The whole title, under a bar that had to cut it. */
@Composable
fun FullTitle(title: String, modifier: Modifier = Modifier) {
    WholeWordsText(
        title,
        style = MaterialTheme.typography.titleLarge,
        modifier = modifier.fillMaxWidth().padding(horizontal = 8.dp, vertical = 4.dp).semantics { heading() }.testTag("full-title"),
    )
}

/**
 * In a list under the frame: the cut title in full as the list's first item (it scrolls away with the list). The
 * item is always there (empty when nothing was cut), so that items after it keep their indices and a list kept at
 * its first item by key does not hide the title when it appears; [fullTitlePadding] takes its gap off the top.
 */
fun LazyListScope.fullTitleItem(cut: CutTitle?) {
    item(key = FULL_TITLE_KEY) {
        if (cut != null) {
            DisposableEffect(cut) {
                cut.shownByList = true
                onDispose { cut.shownByList = false }
            }
            FullTitle(cut.text, Modifier.padding(horizontal = 0.dp))
        }
    }
}

/** The key of [fullTitleItem], the first item of every list under a frame. */
const val FULL_TITLE_KEY = "full-title"

/** The screen's padding with the gap after an empty [fullTitleItem] taken off the top. */
@Composable
fun fullTitlePadding(cut: CutTitle?, spacing: Dp): PaddingValues {
    val padding = screenPadding()
    if (cut != null) return padding
    val direction = androidx.compose.ui.platform.LocalLayoutDirection.current
    return PaddingValues(
        start = padding.calculateStartPadding(direction),
        end = padding.calculateEndPadding(direction),
        top = (padding.calculateTopPadding() - spacing).coerceAtLeast(0.dp),
        bottom = padding.calculateBottomPadding(),
    )
}

@Composable
private fun FrameTitle(title: String, modifier: Modifier, onClick: (() -> Unit)?, clickLabel: String?, onCut: (Boolean) -> Unit) {
    if (onClick != null) {
        val shape = RoundedCornerShape(12.dp)
        Row(
            modifier.focusRing(shape)
                .clip(shape)
                .clickable(onClickLabel = clickLabel, role = androidx.compose.ui.semantics.Role.Button, onClick = onClick)
                .defaultMinSize(minHeight = 48.dp)
                .padding(horizontal = 4.dp)
                .testTag("title-button"),
            verticalAlignment = Alignment.CenterVertically,
        ) {
            Icon(Icons.Filled.Place, contentDescription = null, modifier = Modifier.size(iconSize(22.dp)))
            Spacer(Modifier.width(6.dp))
            Text(
                title,
                style = MaterialTheme.typography.titleLarge,
                maxLines = 1,
                overflow = TextOverflow.Ellipsis,
                onTextLayout = { onCut(it.hasVisualOverflow) },
                modifier = Modifier.weight(1f, fill = false).padding(vertical = 6.dp).semantics { heading() }.testTag("bar-title"),
            )
            Icon(Icons.Filled.ArrowDropDown, contentDescription = clickLabel, modifier = Modifier.size(iconSize(24.dp)))
        }
        return
    }
    Text(
        title,
        style = MaterialTheme.typography.titleMedium,
        maxLines = 1,
        overflow = TextOverflow.Ellipsis,
        onTextLayout = { onCut(it.hasVisualOverflow) },
        modifier = modifier.padding(horizontal = 4.dp, vertical = 6.dp).semantics { heading() }.testTag("bar-title"),
    )
}

/**
 * The margin around a screen's content: 16 dp, but 8 dp from 150% text up, where every dp of line length keeps a
 * long word (Russian "Межведомственная") whole.
 */
@Composable
fun screenPadding(): PaddingValues =
    if (LocalDensity.current.fontScale >= 1.5f) PaddingValues(horizontal = 8.dp, vertical = 12.dp) else PaddingValues(16.dp)

/**
 * Icons grow with the text, up to one and a half times, so that a 24 dp icon does not shrink to a dot next to
 * 200% text, nor crowd it out.
 */
@Composable
fun iconSize(base: Dp): Dp = base * LocalDensity.current.fontScale.coerceIn(1f, 1.5f)

/** The red SOS pill: "SOS" reads the same in every language; its spoken name comes from the strings. */
@Composable
private fun EmergencyButton(onClick: () -> Unit) {
    val colors = LocalGuideColors.current
    val label = LocalStrings.current[S.EMERGENCY_NUMBERS]
    Button(
        onClick = onClick,
        colors = ButtonDefaults.buttonColors(containerColor = colors.emergency, contentColor = colors.onEmergency),
        contentPadding = PaddingValues(horizontal = 12.dp, vertical = 6.dp),
        border = BorderStroke(2.dp, MaterialTheme.colorScheme.onPrimary),
        modifier = Modifier.padding(end = 4.dp).focusRing(RoundedCornerShape(50)).testTag("sos")
            .semantics(mergeDescendants = true) {},
    ) {
        Icon(Icons.Filled.Call, contentDescription = label, modifier = Modifier.size(iconSize(20.dp)))
        Spacer(Modifier.width(4.dp))
        Text("SOS", fontWeight = FontWeight.Bold)
    }
}

/** A filled button with an optional icon; text wraps rather than being cut at large text sizes. */
@Composable
fun PrimaryAction(
    text: String,
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    icon: ImageVector? = null,
    enabled: Boolean = true,
    colors: androidx.compose.material3.ButtonColors = ButtonDefaults.buttonColors(),
) {
    Button(
        onClick = onClick,
        enabled = enabled,
        colors = colors,
        modifier = modifier.defaultMinSize(minHeight = 48.dp).focusRing(RoundedCornerShape(50)),
        contentPadding = PaddingValues(horizontal = 18.dp, vertical = 10.dp),
    ) { ButtonContent(text, icon) }
}

@Composable
fun SecondaryAction(
    text: String,
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    icon: ImageVector? = null,
    enabled: Boolean = true,
) {
    val extras = LocalGuideColors.current
    OutlinedButton(
        onClick = onClick,
        enabled = enabled,
        border = BorderStroke(maxOf(extras.borderWidth, 1.dp), MaterialTheme.colorScheme.outline),
        modifier = modifier.defaultMinSize(minHeight = 48.dp).focusRing(RoundedCornerShape(50)),
        contentPadding = PaddingValues(horizontal = 18.dp, vertical = 10.dp),
    ) { ButtonContent(text, icon) }
}

@Composable
fun QuietAction(
    text: String,
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    icon: ImageVector? = null,
    /** An icon after the text, e.g. an arrow for "go on to the full list". */
    trailingIcon: ImageVector? = null,
) {
    TextButton(
        onClick = onClick,
        modifier = modifier.defaultMinSize(minHeight = 48.dp).focusRing(RoundedCornerShape(50)),
    ) { ButtonContent(text, icon, trailingIcon) }
}

@Composable
private fun RowScope.ButtonContent(text: String, icon: ImageVector?, trailingIcon: ImageVector? = null) {
    if (icon != null) {
        Icon(icon, contentDescription = null, modifier = Modifier.size(iconSize(20.dp)))
        Spacer(Modifier.width(8.dp))
    }
    Text(text, style = MaterialTheme.typography.labelLarge)
    if (trailingIcon != null) {
        Spacer(Modifier.width(4.dp))
        Icon(trailingIcon, contentDescription = null, modifier = Modifier.size(iconSize(20.dp)))
    }
}

/** A surface for one thing (a contact, a stage, a hit): bordered, so that high contrast can tell cards apart. */
@Composable
fun GuideCard(
    modifier: Modifier = Modifier,
    onClick: (() -> Unit)? = null,
    container: Color = MaterialTheme.colorScheme.surfaceContainer,
    content: @Composable ColumnScope.() -> Unit,
) {
    val extras = LocalGuideColors.current
    val shape = RoundedCornerShape(16.dp)
    val padding = if (LocalDensity.current.fontScale >= 1.5f) 12.dp else 16.dp
    val inner: @Composable () -> Unit = {
        Column(Modifier.padding(padding), verticalArrangement = Arrangement.spacedBy(8.dp), content = content)
    }
    if (onClick != null) {
        Surface(
            onClick = onClick,
            shape = shape,
            color = container,
            border = BorderStroke(extras.borderWidth, extras.border),
            modifier = modifier.fillMaxWidth().focusRing(shape),
            content = inner,
        )
    } else {
        Surface(
            shape = shape,
            color = container,
            border = BorderStroke(extras.borderWidth, extras.border),
            modifier = modifier.fillMaxWidth(),
            content = inner,
        )
    }
}

@Composable
fun SectionTitle(text: String, modifier: Modifier = Modifier) {
    WholeWordsText(
        text,
        style = MaterialTheme.typography.titleMedium,
        color = MaterialTheme.colorScheme.primary,
        modifier = modifier.padding(top = 8.dp).semantics { heading() },
    )
}

/** A plain warning line (unverified number, out-of-date content, fallback language): icon plus words. */
@Composable
fun WarningNote(text: String, modifier: Modifier = Modifier) {
    val extras = LocalGuideColors.current
    Surface(
        color = extras.warning,
        contentColor = extras.onWarning,
        shape = RoundedCornerShape(8.dp),
        border = if (extras.borderWidth > 1.dp) BorderStroke(2.dp, extras.onWarning) else null,
        modifier = modifier.fillMaxWidth(),
    ) {
        Row(Modifier.padding(horizontal = 10.dp, vertical = 8.dp), verticalAlignment = Alignment.Top) {
            Icon(Icons.Filled.Warning, contentDescription = null, modifier = Modifier.padding(top = 2.dp).size(iconSize(20.dp)))
            Spacer(Modifier.width(8.dp))
            Text(text, style = MaterialTheme.typography.bodyMedium)
        }
    }
}

@Composable
fun Loading(modifier: Modifier = Modifier) {
    Box(modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
        Column(horizontalAlignment = Alignment.CenterHorizontally, verticalArrangement = Arrangement.spacedBy(12.dp)) {
            CircularProgressIndicator()
            Text(LocalStrings.current[S.LOADING], style = MaterialTheme.typography.bodyLarge)
        }
    }
}

/**
 * The body most screens share: [Loading] until [state] has been read, then one scrolling column tagged [tag] (for
 * tests and for keyboard scrolling) with the screen's padding and [spacing] between its cards.
 */
@Composable
fun <T : Any> LoadedList(
    state: T?,
    tag: String,
    spacing: Dp,
    list: LazyListState = rememberLazyListState(),
    content: LazyListScope.(T) -> Unit,
) {
    if (state == null) {
        Loading()
        return
    }
    ScrollsWithKeys(list)
    val cut = LocalCutTitle.current
    LazyColumn(
        Modifier.fillMaxSize().testTag(tag),
        state = list,
        contentPadding = fullTitlePadding(cut, spacing),
        verticalArrangement = Arrangement.spacedBy(spacing),
    ) {
        fullTitleItem(cut)
        content(state)
    }
}

/** Said when a list is empty: what is missing and what to do instead. */
@Composable
fun EmptyNote(text: String, modifier: Modifier = Modifier) {
    Text(
        text,
        style = MaterialTheme.typography.bodyLarge,
        color = MaterialTheme.colorScheme.onSurfaceVariant,
        modifier = modifier.padding(vertical = 8.dp),
    )
}

/** A radio choice whose whole row is the target (large, keyboard-focusable, Enter or Space selects). */
@Composable
fun Choice(text: String, selected: Boolean, tag: String, onSelect: () -> Unit) {
    val shape = RoundedCornerShape(12.dp)
    Row(
        Modifier.fillMaxWidth().defaultMinSize(minHeight = 52.dp).focusRing(shape)
            .selectable(selected = selected, role = Role.RadioButton, onClick = onSelect)
            .padding(horizontal = 4.dp, vertical = 4.dp)
            .testTag(tag),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        RadioButton(selected = selected, onClick = null, modifier = Modifier.controlScale())
        Spacer(Modifier.width(12.dp))
        Text(text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
    }
}

/** "2 new answers" as a filled pill: the badge on the home screen's tile and the "My questions" button. */
@Composable
fun NewAnswersBadge(count: Int, modifier: Modifier = Modifier) {
    val strings = LocalStrings.current
    Surface(
        shape = RoundedCornerShape(50),
        color = MaterialTheme.colorScheme.primary,
        contentColor = MaterialTheme.colorScheme.onPrimary,
        modifier = modifier,
    ) {
        Text(
            strings.plural(P.NEW_ANSWERS, count),
            style = MaterialTheme.typography.labelLarge,
            fontWeight = FontWeight.Bold,
            modifier = Modifier.padding(horizontal = 10.dp, vertical = 2.dp),
        )
    }
}
