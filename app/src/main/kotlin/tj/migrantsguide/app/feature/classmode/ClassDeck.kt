package tj.migrantsguide.app.feature.classmode

import java.time.LocalDate
import java.time.ZoneOffset
import tj.migrantsguide.feed.PublicAddress
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.model.ArticleState
import tj.migrantsguide.app.model.ContactGroupKind
import tj.migrantsguide.app.model.loadArticleState
import tj.migrantsguide.app.model.loadContactsState
import tj.migrantsguide.app.model.loadGuideState
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/** What a trainer shows: one stage of the journey (its articles and checklists), or the contacts. */
sealed interface ClassTopic {
    data class OfStage(val stage: Stage) : ClassTopic
    data object Contacts : ClassTopic
}

/** The trainer's choice: which country, in which language, what. */
data class ClassChoice(val country: String, val language: Language, val topic: ClassTopic)

/** One screenful in front of the class. */
sealed interface Slide {
    /** The first slide: what the class is about and how old the information is. */
    data class Opening(val countryName: String, val topic: ClassTopic, val contentDate: LocalDate?) : Slide

    /** [homeCountryName] is set for the home country's articles shown under a destination ("At home: Tajikistan"). */
    data class ArticleSlide(val article: ArticleState, val homeCountryName: String?) : Slide

    data class ChecklistSlide(val item: ItemRef, val checklist: Checklist, val homeCountryName: String?) : Slide

    data class ContactsSlide(val group: ContactGroupKind, val contacts: List<Contact>) : Slide

    /** The last slide: where to get the app ([url] null when this build has no address). */
    /** [placeholder]: the link is a development build's address that no trainee's phone can open (issue 18). */
    data class GetTheApp(val url: String?, val placeholder: Boolean = url != null && !PublicAddress.isPublic(url)) : Slide
}

/**
 * The slides for [choice], from the guide's content as the app shows it: an opening slide, then each article and
 * checklist of the stage (the destination's, then the home country's), or each group of contacts; then where to
 * get the app. Blocking (reads the database): call it off the UI thread.
 */
fun loadClassDeck(content: GuideContent, choice: ClassChoice, downloadUrl: String?): List<Slide> {
    val language = choice.language
    val countryName = content.countries().firstOrNull { it.code() == choice.country }?.name(language) ?: choice.country
    val contentDate = content.edition()?.published?.atZone(ZoneOffset.UTC)?.toLocalDate()
    val body: List<Slide> = when (val topic = choice.topic) {
        is ClassTopic.OfStage -> loadGuideState(content, choice.country, language, topic.stage).sections.flatMap { section ->
            val home = if (section.isHome) section.countryName else null
            section.articles.map { article ->
                val ref = ItemRef(ItemKind.ARTICLE, section.countryCode, article.id())
                Slide.ArticleSlide(loadArticleState(content, ref, language, emptySet()), home)
            } + section.checklists.map { list ->
                Slide.ChecklistSlide(ItemRef(ItemKind.CHECKLIST, section.countryCode, list.id()), list, home)
            }
        }
        ClassTopic.Contacts -> loadContactsState(content, choice.country, language, emergencyOnly = false, bookmarks = emptySet())
            .groups.map { Slide.ContactsSlide(it.kind, it.contacts) }
    }
    return listOf(Slide.Opening(countryName, choice.topic, contentDate)) + body + Slide.GetTheApp(downloadUrl)
}
