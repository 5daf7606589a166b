package tj.migrantsguide.app.data

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Country
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.GuideStore

/**
 * [GuideContent] read from the device's database. [pinnedKeys] are the keys the build trusts by itself (the app's
 * `AppFeed.pinnedKeys`), to say whose key signed the content; without them [signer] is not known.
 */
class StoreGuideContent(
    private val store: GuideStore,
    private val pinnedKeys: (() -> tj.migrantsguide.feed.TrustedKeys)? = null,
) : GuideContent {
    // Only a key for the screens' loads: it counts changes, it is not the content version (constructing this
    // must not read the database, it happens on the UI thread).
    private val revisionFlow = MutableStateFlow(0L)
    override val revision: StateFlow<Long> = revisionFlow.asStateFlow()

    /** Called by whoever installs new content (sync, in part 2), so that open screens read it again. */
    fun contentChanged() {
        revisionFlow.value += 1
    }

    override fun countries(): List<Country> = store.countries()

    override fun changes(language: Language): List<tj.migrantsguide.store.ContentChanges> =
        store.changes(0, java.util.Optional.of(language))

    override fun unseenUpdate(language: Language): tj.migrantsguide.store.ContentChanges? {
        val seen = store.user().settings().get(SEEN_UPDATE).orElse("0").toLongOrNull() ?: 0L
        return store.changes(0, java.util.Optional.of(language)).firstOrNull()
            ?.takeIf { it.id() > seen && it.kind() == tj.migrantsguide.store.ContentChanges.Kind.UPDATE }
    }

    override fun updateSeen(id: Long) {
        store.user().settings().put(SEEN_UPDATE, id.toString())
    }

    override fun provenance(): tj.migrantsguide.store.Provenance? = store.provenance().orElse(null)

    override fun namedSources(): List<tj.migrantsguide.guide.NamedSource> = store.namedSources()

    override fun signer(): Signer? {
        val pinned = pinnedKeys ?: return null
        return store.provenance().flatMap { it.signedBy() }.map { Signer.onDevice(it, store.folder(), pinned()) }.orElse(null)
    }

    override fun deadlines(personId: Long, language: Language, clock: java.time.Clock): List<tj.migrantsguide.dates.Deadline> =
        tj.migrantsguide.dates.MyDates(store, clock).deadlines(personId, language)

    override fun unseenDateNotices(personId: Long, clock: java.time.Clock): List<tj.migrantsguide.store.DateNotice> =
        tj.migrantsguide.dates.MyDates(store, clock).unseenNotices(personId)

    override fun articles(country: String, language: Language): List<Article> =
        withFallback(language, { store.articles(country, it) }, { it.id() }).sortedBy { it.sortOrder() }

    override fun contacts(country: String, language: Language): List<Contact> =
        withFallback(language, { store.contacts(country, it) }, { it.id() }).sortedBy { it.sortOrder() }

    override fun checklists(country: String, language: Language): List<Checklist> =
        withFallback(language, { store.checklists(country, it) }, { it.id() }).sortedBy { it.sortOrder() }

    override fun edition(): ContentEdition? = store.installedFeed()
        .map { ContentEdition(it.version(), it.published(), it.expires(), it.installedAt()) }
        .orElse(null)

    /**
     * The list in [language], plus every item missing from it in the first fallback language that has it. The
     * linter requires all three languages, so the other queries normally find nothing new; they guard against a
     * pack that failed to arrive. The extra queries are cheap (one indexed query per language).
     */
    private fun <T> withFallback(language: Language, read: (Language) -> List<T>, id: (T) -> String): List<T> {
        val result = read(language).toMutableList()
        val seen = result.mapTo(HashSet(), id)
        for (other in GuideContent.fallbackOrder(language).drop(1)) {
            for (item in read(other)) {
                if (seen.add(id(item))) result += item
            }
        }
        return result
    }
}

/** The user setting that holds the id of the last update whose notice was closed. */
private const val SEEN_UPDATE = "changes-seen-update"
