package tj.migrantsguide.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.material3.TopAppBarDefaults
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.GuideStore

/** Everything the home screen shows, read from the store; immutable. */
data class HomeState(
    val language: Language,
    val countryName: String,
    val articles: List<Article>,
    val contacts: List<Contact>,
    val contentVersion: Long?,
)

sealed interface HomeAction {
    data class ChooseLanguage(val language: Language) : HomeAction
}

fun loadHomeState(store: GuideStore, countryCode: String, language: Language): HomeState {
    val country = store.countries().firstOrNull { it.code() == countryCode }
    return HomeState(
        language = language,
        countryName = country?.name(language) ?: countryCode,
        articles = store.articles(countryCode, language),
        contacts = store.contacts(countryCode, language),
        contentVersion = store.installedFeed().map { it.version() }.orElse(null),
    )
}

/** Stateful home: reads the store for the chosen language. */
@Composable
fun HomeScreen(store: GuideStore, countryCode: String) {
    var language by remember { mutableStateOf(Language.TAJIK) }
    val state = remember(language) { loadHomeState(store, countryCode, language) }
    HomeContent(state) { action ->
        when (action) {
            is HomeAction.ChooseLanguage -> language = action.language
        }
    }
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun HomeContent(state: HomeState, onAction: (HomeAction) -> Unit) {
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(state.countryName, fontWeight = FontWeight.Bold) },
                colors = TopAppBarDefaults.topAppBarColors(
                    containerColor = MaterialTheme.colorScheme.primary,
                    titleContentColor = MaterialTheme.colorScheme.onPrimary,
                ),
            )
        },
    ) { padding ->
        LazyColumn(
            modifier = Modifier.fillMaxSize().padding(padding),
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item {
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    for (language in Language.values()) {
                        FilterChip(
                            selected = language == state.language,
                            onClick = { onAction(HomeAction.ChooseLanguage(language)) },
                            label = { Text(languageName(language)) },
                        )
                    }
                }
            }
            items(state.contacts, key = { "contact:" + it.id() }) { contact -> ContactCard(contact) }
            items(state.articles, key = { "article:" + it.id() }) { article -> ArticleCard(article) }
            item {
                Text(
                    "content version ${state.contentVersion ?: "—"}",
                    style = MaterialTheme.typography.labelSmall,
                    color = MaterialTheme.colorScheme.onSurfaceVariant,
                )
            }
        }
    }
}

@Composable
private fun ArticleCard(article: Article) {
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(article.title(), style = MaterialTheme.typography.titleMedium, fontWeight = FontWeight.Bold)
            Text(article.body(), style = MaterialTheme.typography.bodyLarge)
            Text(
                article.sources().joinToString(" · ") + article.verified().map { " · ✓ $it" }.orElse(""),
                style = MaterialTheme.typography.labelSmall,
                color = MaterialTheme.colorScheme.onSurfaceVariant,
            )
        }
    }
}

@Composable
private fun ContactCard(contact: Contact) {
    Card(
        modifier = Modifier.fillMaxWidth(),
        colors = CardDefaults.cardColors(
            containerColor = if (contact.emergency()) MaterialTheme.colorScheme.errorContainer
            else MaterialTheme.colorScheme.surfaceVariant,
        ),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(contact.name(), style = MaterialTheme.typography.titleMedium, fontWeight = FontWeight.Bold)
            for (phone in contact.phones()) {
                Text(phone.display(), style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.Bold)
            }
            if (contact.note().isNotEmpty()) {
                Text(contact.note(), style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}

fun languageName(language: Language): String = when (language) {
    Language.TAJIK -> "Тоҷикӣ"
    Language.RUSSIAN -> "Русский"
    Language.ENGLISH -> "English"
}
