package tj.migrantsguide.app.model

import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/** One stage of the journey: the chosen country's articles and checklists, then the home country's for it. */
data class GuideState(
    val language: Language,
    val stage: Stage,
    val sections: List<GuideSection>,
)

data class GuideSection(
    val countryCode: String,
    val countryName: String,
    /** True for the home country's section (Tajikistan) shown under a destination. */
    val isHome: Boolean,
    val articles: List<Article>,
    val checklists: List<Checklist>,
)

fun loadGuideState(content: GuideContent, country: String, language: Language, stage: Stage): GuideState {
    val countries = content.countries()
    fun name(code: String) = countries.firstOrNull { it.code() == code }?.name(language) ?: code
    fun section(code: String, isHome: Boolean) = GuideSection(
        code,
        name(code),
        isHome,
        content.articles(code, language).filter { it.stage() == stage },
        content.checklists(code, language).filter { it.stage() == stage },
    )
    val sections = buildList {
        add(section(country, isHome = false))
        if (country != GuideContent.HOME_COUNTRY && countries.any { it.code() == GuideContent.HOME_COUNTRY }) {
            add(section(GuideContent.HOME_COUNTRY, isHome = true))
        }
    }.filter { it.articles.isNotEmpty() || it.checklists.isNotEmpty() }
    return GuideState(language, stage, sections)
}

/** Where a link in an article leads, and what to call it; [item] is null when the linked item is gone. */
data class LinkTarget(val item: ItemRef?, val title: String)

data class ArticleState(
    val language: Language,
    val item: ItemRef,
    val article: Article?,
    val countryName: String,
    val blocks: List<Block>,
    /** Every link of the body, keyed by how it is written. */
    val links: Map<Piece.Link, LinkTarget>,
    val bookmarked: Boolean,
)

fun loadArticleState(content: GuideContent, item: ItemRef, language: Language, bookmarks: Set<ItemRef>): ArticleState {
    val article = content.articles(item.countryCode(), language).firstOrNull { it.id() == item.id() }
    val blocks = article?.let { ArticleText.parse(it.body()) } ?: emptyList()
    val links = ArticleText.links(blocks).associateWith { resolve(content, it.country ?: item.countryCode(), it.id, language) }
    return ArticleState(
        language = language,
        item = item,
        article = article,
        countryName = content.countries().firstOrNull { it.code() == item.countryCode() }?.name(language) ?: item.countryCode(),
        blocks = blocks,
        links = links,
        bookmarked = item in bookmarks,
    )
}

/** Finds [id] among the country's articles, contacts and checklists (ids are unique within a country). */
fun resolve(content: GuideContent, country: String, id: String, language: Language): LinkTarget {
    content.articles(country, language).firstOrNull { it.id() == id }
        ?.let { return LinkTarget(ItemRef(ItemKind.ARTICLE, country, id), it.title()) }
    content.contacts(country, language).firstOrNull { it.id() == id }
        ?.let { return LinkTarget(ItemRef(ItemKind.CONTACT, country, id), it.name()) }
    content.checklists(country, language).firstOrNull { it.id() == id }
        ?.let { return LinkTarget(ItemRef(ItemKind.CHECKLIST, country, id), it.title()) }
    return LinkTarget(null, id)
}
