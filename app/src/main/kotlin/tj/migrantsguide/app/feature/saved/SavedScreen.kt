package tj.migrantsguide.app.feature.saved

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.QuietAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.model.kindTitle
import tj.migrantsguide.app.model.resolve
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.SetBookmark
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemRef

/** A bookmarked or recently viewed item as listed; [title] is null when an update removed it. */
data class SavedItem(val item: ItemRef, val title: String?, val countryName: String)

data class SavedState(val bookmarks: List<SavedItem>, val recent: List<SavedItem>)

fun loadSavedState(content: GuideContent, bookmarks: List<ItemRef>, recent: List<ItemRef>, language: Language): SavedState {
    val countries = content.countries()
    fun describe(ref: ItemRef) = SavedItem(
        ref,
        resolve(content, ref.countryCode(), ref.id(), language).takeIf { it.item?.kind == ref.kind() }?.title,
        countries.firstOrNull { it.code() == ref.countryCode() }?.name(language) ?: ref.countryCode(),
    )
    return SavedState(
        bookmarks = bookmarks.map(::describe),
        // A recent item that is gone is simply not listed; a bookmark that is gone stays, so it can be removed.
        recent = recent.map(::describe).filter { it.title != null },
    )
}

@Composable
fun SavedScreen(controller: AppController, language: Language) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val bookmarks by services.userData.bookmarks.collectAsState()
    val recent by services.userData.recent.collectAsState()
    val state by produceState<SavedState?>(null, bookmarks, recent, language, revision) {
        value = withContext(services.background) { loadSavedState(services.content, bookmarks, recent, language) }
    }
    SavedContent(state, controller::handle)
}

@Composable
fun SavedContent(state: SavedState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.SAVED], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "saved", 10.dp) { state ->
            item { SectionTitle(strings[S.BOOKMARKS]) }
            if (state.bookmarks.isEmpty()) item { EmptyNote(strings[S.BOOKMARKS_EMPTY]) }
            items(state.bookmarks, key = { "bookmark:${it.item.code()}" }) { saved -> SavedCard(saved, "bookmark", onAction) }
            item { SectionTitle(strings[S.RECENT]) }
            if (state.recent.isEmpty()) item { EmptyNote(strings[S.RECENT_EMPTY]) }
            items(state.recent, key = { "recent:${it.item.code()}" }) { saved -> SavedCard(saved, "recent", onAction) }
        }
    }
}

@Composable
private fun SavedCard(saved: SavedItem, list: String, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val title = saved.title
    if (title == null) {
        GuideCard(Modifier.testTag("$list:${saved.item.code()}")) {
            Text(strings[S.ITEM_GONE], style = MaterialTheme.typography.bodyLarge)
            QuietAction(strings[S.BOOKMARK_REMOVE], onClick = { onAction(SetBookmark(saved.item, false)) })
        }
        return
    }
    GuideCard(onClick = { onAction(Open(Destination.of(saved.item))) }, modifier = Modifier.testTag("$list:${saved.item.code()}")) {
        Text(title, style = MaterialTheme.typography.titleMedium)
        Text(
            kindTitle(strings, saved.item.kind()) + " · " + saved.countryName,
            style = MaterialTheme.typography.bodyMedium,
            color = MaterialTheme.colorScheme.onSurfaceVariant,
        )
    }
}
