package tj.migrantsguide.app.feature.classmode

import androidx.compose.foundation.ScrollState
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.automirrored.filled.ArrowForward
import androidx.compose.material.icons.filled.Close
import androidx.compose.material.icons.filled.KeyboardArrowDown
import androidx.compose.material3.Checkbox
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.scale
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.focus.focusTarget
import androidx.compose.ui.focus.onFocusChanged
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.onPreviewKeyEvent
import androidx.compose.ui.input.key.type
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.launch
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.app.designsystem.QrCodeBox
import tj.migrantsguide.app.designsystem.FallbackNote
import tj.migrantsguide.app.designsystem.GuideTheme
import tj.migrantsguide.app.designsystem.Loading
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.VerifiedLine
import tj.migrantsguide.app.designsystem.focusRing
import tj.migrantsguide.app.model.Block
import tj.migrantsguide.app.model.Piece
import tj.migrantsguide.app.model.groupTitle
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language

/**
 * Type size for a room: the app's text scaled to the screen, so that a 1920 × 1080 projector shows body text at
 * about 37 px and a 1024 × 768 one at about 22 px, readable from the back of a class either way.
 */
fun classTextScale(width: Dp, height: Dp): Float = minOf(width.value / 760f, height.value / 460f).coerceIn(1.35f, 2.6f)

/**
 * The slides, one at a time, on the whole screen. Keys: → / Page Down / Space next, ← / Page Up back (a presenter
 * clicker sends Page Down / Page Up), Home / End first / last, ↓ / ↑ scroll, Esc leaves. A slide longer than the
 * screen scrolls a screenful on "next" before the next slide comes, so a clicker alone shows every line.
 */
@Composable
fun SlideShow(
    deck: List<Slide>?,
    language: Language,
    person: UserData,
    onLeave: () -> Unit,
    startAt: Int = 0,
) {
    val settings by person.settings.collectAsState()
    var index by remember(deck) { mutableIntStateOf(startAt.coerceIn(0, ((deck?.size ?: 1) - 1).coerceAtLeast(0))) }
    val focus = remember { FocusRequester() }
    var showFocused by remember { mutableStateOf(false) }
    val scope = rememberCoroutineScope()
    BoxWithConstraints(Modifier.fillMaxSize()) {
        val scale = classTextScale(maxWidth, maxHeight)
        val page = with(LocalDensity.current) { (maxHeight * 0.7f).roundToPx() }
        val scroll = key(index) { remember { ScrollState(0) } }
        val last = (deck?.size ?: 1) - 1
        fun go(to: Int) {
            index = to.coerceIn(0, last.coerceAtLeast(0))
        }
        fun next() {
            if (scroll.value < scroll.maxValue) scope.launch { scroll.scrollTo(scroll.value + page) } else go(index + 1)
        }
        fun previous() {
            if (scroll.value > 0) scope.launch { scroll.scrollTo(scroll.value - page) } else go(index - 1)
        }
        GuideTheme(settings.theme, scale, language) {
            Surface(
                Modifier.fillMaxSize()
                    .onPreviewKeyEvent { event ->
                        if (event.type != KeyEventType.KeyDown) return@onPreviewKeyEvent false
                        when (event.key) {
                            Key.DirectionRight, Key.PageDown, Key.Spacebar -> {
                                // Space ticks a focused checklist row; otherwise it turns the page.
                                if (event.key == Key.Spacebar && !showFocused) return@onPreviewKeyEvent false
                                next()
                            }
                            Key.DirectionLeft, Key.PageUp -> previous()
                            Key.MoveHome -> go(0)
                            Key.MoveEnd -> go(last)
                            Key.DirectionDown -> scope.launch { scroll.scrollTo(scroll.value + page / 6) }
                            Key.DirectionUp -> scope.launch { scroll.scrollTo(scroll.value - page / 6) }
                            Key.Escape -> onLeave()
                            else -> return@onPreviewKeyEvent false
                        }
                        true
                    }
                    .focusRequester(focus)
                    .onFocusChanged { showFocused = it.isFocused }
                    .focusTarget()
                    .testTag("class-mode"),
                color = MaterialTheme.colorScheme.background,
                contentColor = MaterialTheme.colorScheme.onBackground,
            ) {
                Column(Modifier.fillMaxSize()) {
                    Box(Modifier.weight(1f).fillMaxWidth()) {
                        if (deck == null) {
                            Loading()
                        } else {
                            Column(
                                Modifier.fillMaxSize().verticalScroll(scroll).padding(horizontal = 48.dp, vertical = 32.dp),
                                horizontalAlignment = Alignment.CenterHorizontally,
                            ) {
                                Column(
                                    Modifier.widthIn(max = (scale * 620).dp).fillMaxWidth().testTag("slide:$index"),
                                    verticalArrangement = Arrangement.spacedBy(16.dp),
                                ) { SlideContent(deck[index], language, person) }
                            }
                        }
                    }
                    BottomBar(
                        number = index + 1,
                        count = deck?.size ?: 0,
                        moreBelow = scroll.value < scroll.maxValue,
                        onPrevious = ::previous,
                        onNext = ::next,
                        onLeave = onLeave,
                    )
                }
            }
        }
        // After every move the slide show itself takes focus back, so that a checklist row that scrolled away
        // does not keep it, and the keys keep working. (Here, inside the layout: the target exists by now.)
        LaunchedEffect(index, deck) { focus.requestFocus() }
    }
}

/** Slide number, what the keys do, and buttons for those with a mouse; small, low on the screen. */
@Composable
private fun BottomBar(number: Int, count: Int, moreBelow: Boolean, onPrevious: () -> Unit, onNext: () -> Unit, onLeave: () -> Unit) {
    val strings = LocalStrings.current
    HorizontalDivider()
    Row(
        Modifier.fillMaxWidth().padding(horizontal = 24.dp, vertical = 6.dp),
        verticalAlignment = Alignment.CenterVertically,
        horizontalArrangement = Arrangement.spacedBy(16.dp),
    ) {
        Text(
            strings[S.CLASS_MODE_KEYS],
            style = MaterialTheme.typography.bodySmall,
            color = MaterialTheme.colorScheme.onSurfaceVariant,
            modifier = Modifier.weight(1f),
        )
        if (moreBelow) {
            Row(verticalAlignment = Alignment.CenterVertically, modifier = Modifier.testTag("class-more")) {
                Icon(Icons.Filled.KeyboardArrowDown, contentDescription = null)
                Text(strings[S.CLASS_MODE_MORE], style = MaterialTheme.typography.bodyMedium, fontWeight = FontWeight.Bold)
            }
        }
        BarButton(Icons.AutoMirrored.Filled.ArrowBack, strings[S.CLASS_MODE_PREVIOUS], "class-previous", onPrevious)
        Text(
            "$number / $count",
            style = MaterialTheme.typography.titleMedium,
            fontWeight = FontWeight.Bold,
            modifier = Modifier.testTag("class-counter"),
        )
        BarButton(Icons.AutoMirrored.Filled.ArrowForward, strings[S.CLASS_MODE_NEXT], "class-next", onNext)
        BarButton(Icons.Filled.Close, strings[S.CLASS_MODE_LEAVE], "class-leave", onLeave)
    }
}

@Composable
private fun BarButton(icon: androidx.compose.ui.graphics.vector.ImageVector, label: String, tag: String, onClick: () -> Unit) {
    androidx.compose.material3.IconButton(onClick = onClick, modifier = Modifier.size(56.dp).focusRing().testTag(tag)) {
        Icon(icon, contentDescription = label, modifier = Modifier.size(32.dp))
    }
}

@Composable
private fun SlideContent(slide: Slide, language: Language, person: UserData) {
    when (slide) {
        is Slide.Opening -> OpeningSlide(slide)
        is Slide.ArticleSlide -> ArticleSlide(slide, language)
        is Slide.ChecklistSlide -> ChecklistSlide(slide, language, person)
        is Slide.ContactsSlide -> ContactsSlide(slide)
        is Slide.GetTheApp -> GetTheAppSlide(slide)
    }
}

@Composable
private fun SlideTitle(text: String, over: String? = null) {
    if (over != null) {
        Text(over, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.primary)
    }
    Text(
        text,
        style = MaterialTheme.typography.headlineMedium,
        fontWeight = FontWeight.Bold,
        modifier = Modifier.semantics { heading() }.testTag("slide-title"),
    )
}

@Composable
private fun OpeningSlide(slide: Slide.Opening) {
    val strings = LocalStrings.current
    Spacer(Modifier.size(24.dp))
    Text(strings[S.APP_NAME], style = MaterialTheme.typography.titleLarge, color = MaterialTheme.colorScheme.primary)
    Text(
        topicTitle(strings, slide.topic),
        style = MaterialTheme.typography.displaySmall,
        fontWeight = FontWeight.Bold,
        modifier = Modifier.semantics { heading() }.testTag("slide-title"),
    )
    Text(slide.countryName, style = MaterialTheme.typography.headlineMedium)
    slide.contentDate?.let {
        Text(strings[S.STATUS_CONTENT_DATE, "date" to strings.date(it)], style = MaterialTheme.typography.titleMedium)
    }
    Spacer(Modifier.size(16.dp))
    Text(strings[S.NOT_A_LAWYER], style = MaterialTheme.typography.bodyLarge)
    Text(
        strings[S.CLASS_MODE_NO_TRACE],
        style = MaterialTheme.typography.bodyMedium,
        color = MaterialTheme.colorScheme.onSurfaceVariant,
    )
}

@Composable
private fun ArticleSlide(slide: Slide.ArticleSlide, language: Language) {
    val strings = LocalStrings.current
    val state = slide.article
    val article = state.article ?: return
    SlideTitle(article.title(), slide.homeCountryName?.let { strings[S.IN_HOME_COUNTRY, "country" to it] })
    FallbackNote(article.language(), language)
    val link = SpanStyle(fontWeight = FontWeight.Bold, textDecoration = TextDecoration.Underline, color = LocalGuideColors.current.link)
    for (block in state.blocks) {
        val text = buildAnnotatedString {
            for (piece in block.pieces) when (piece) {
                is Piece.Words -> append(piece.text)
                is Piece.Link -> withStyle(link) { append(state.links[piece]?.title ?: piece.id) }
            }
        }
        when (block) {
            is Block.Paragraph -> Text(text, style = MaterialTheme.typography.bodyLarge)
            is Block.Bullet -> Row {
                Text("•", style = MaterialTheme.typography.bodyLarge, modifier = Modifier.width(28.dp))
                Text(text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
            }
        }
    }
    VerifiedLine(article.verified())
}

@Composable
private fun ChecklistSlide(slide: Slide.ChecklistSlide, language: Language, person: UserData) {
    val strings = LocalStrings.current
    val revision by person.ticksRevision.collectAsState()
    // In memory (the session's person): reading here costs no disk access.
    val ticked = remember(revision, slide.item) { person.ticked(slide.item) }
    SlideTitle(slide.checklist.title(), slide.homeCountryName?.let { strings[S.IN_HOME_COUNTRY, "country" to it] })
    FallbackNote(slide.checklist.language(), language)
    for (entry in slide.checklist.items()) {
        val done = entry.id() in ticked
        Row(
            Modifier.fillMaxWidth()
                .defaultMinSize(minHeight = 56.dp)
                .focusRing(RoundedCornerShape(12.dp))
                // The class's ticks go to the session's own person, never to the device owner's data.
                .toggleable(value = done, role = Role.Checkbox) { person.setTicked(slide.item, entry.id(), it) }
                .padding(4.dp)
                .testTag("class-tick:${entry.id()}"),
            verticalAlignment = Alignment.CenterVertically,
        ) {
            // Material draws the box at 20 dp whatever the text size: scaled, it reads as a box from the back row.
            Checkbox(checked = done, onCheckedChange = null, modifier = Modifier.padding(12.dp).scale(1.8f))
            Spacer(Modifier.width(16.dp))
            Text(
                entry.text(),
                style = MaterialTheme.typography.bodyLarge,
                textDecoration = if (done) TextDecoration.LineThrough else null,
                modifier = Modifier.weight(1f),
            )
        }
    }
    VerifiedLine(slide.checklist.verified())
}

@Composable
private fun ContactsSlide(slide: Slide.ContactsSlide) {
    val strings = LocalStrings.current
    SlideTitle(groupTitle(strings, slide.group))
    // Two columns: a projector is wide, and a class should see as many numbers at once as it can read.
    for (pair in slide.contacts.chunked(2)) {
        Row(horizontalArrangement = Arrangement.spacedBy(32.dp)) {
            for (contact in pair) ContactBlock(contact, Modifier.weight(1f))
            if (pair.size == 1) Spacer(Modifier.weight(1f))
        }
    }
}

/** A marker ("not verified"): dark text on the warning colour, as the app's own markers, readable on a projector. */
@Composable
private fun Marker(text: String) {
    val extras = LocalGuideColors.current
    Text(
        text,
        style = MaterialTheme.typography.bodySmall,
        fontWeight = FontWeight.Medium,
        color = extras.onWarning,
        modifier = Modifier.background(extras.warning, RoundedCornerShape(6.dp)).padding(horizontal = 8.dp, vertical = 2.dp),
    )
}

@Composable
private fun ContactBlock(contact: Contact, modifier: Modifier) {
    val strings = LocalStrings.current
    Column(modifier.padding(vertical = 8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(contact.name(), style = MaterialTheme.typography.titleMedium)
        if (contact.phones().isEmpty()) {
            Marker(strings[S.NO_VERIFIED_NUMBER])
        }
        for (phone in contact.phones()) {
            Text(phone.display(), style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.Bold)
            if (!phone.canDial()) {
                Marker(strings[S.MARK_DIAL_FORM])
            }
        }
        if (contact.address().isNotBlank()) Text(contact.address(), style = MaterialTheme.typography.bodyMedium)
        if (contact.verified().isEmpty) {
            Marker(strings[S.MARK_NOT_VERIFIED])
        }
    }
}

@Composable
private fun GetTheAppSlide(slide: Slide.GetTheApp) {
    val strings = LocalStrings.current
    SlideTitle(strings[S.CLASS_MODE_GET_APP])
    Text(strings[S.CLASS_MODE_GET_APP_TEXT], style = MaterialTheme.typography.bodyLarge)
    val url = slide.url ?: return
    BoxWithConstraints(Modifier.fillMaxWidth()) {
        val side = minOf(maxWidth * 0.45f, 560.dp)
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(32.dp)) {
            QrCodeBox(url, Modifier.size(side).testTag("class-qr"))
            Column(Modifier.weight(1f), verticalArrangement = Arrangement.spacedBy(16.dp)) {
                Text(url, style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.Bold)
                if (slide.placeholder) {
                    Text(
                        strings[S.LINK_PLACEHOLDER],
                        style = MaterialTheme.typography.titleLarge,
                        color = MaterialTheme.colorScheme.error,
                        modifier = Modifier.testTag("link-placeholder"),
                    )
                }
            }
        }
    }
}
