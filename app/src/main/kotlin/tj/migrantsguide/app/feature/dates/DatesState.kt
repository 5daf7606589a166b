package tj.migrantsguide.app.feature.dates

import java.time.LocalDate
import java.util.Optional
import tj.migrantsguide.app.data.DateBook
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.model.countryName
import tj.migrantsguide.app.model.sourceLine
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.dates.Deadline
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.DateNotice
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/** The timeline of one person's dates (issue 16); immutable. */
data class DatesState(
    val language: Language,
    val personId: Long,
    /** The person's name, or null for the device's owner ("me"). */
    val personName: String?,
    /** The app's country: the days entered here count for it. */
    val country: String,
    val countryName: String,
    val today: LocalDate,
    /** Every event a day can be entered for, with the day when there is one (in [country]). */
    val days: List<EnteredDay>,
    /** Soonest first, withdrawn rules last. */
    val deadlines: List<TimelineDeadline>,
    /** Every "moved" and "withdrawn" notice, newest first; [TimelineNotice.isNew] ones not seen before. */
    val notices: List<TimelineNotice>,
)

data class EnteredDay(val event: DateEvent, val day: LocalDate?)

/** One deadline as the timeline says it: the rule in plain words, its sources and check date, what to do. */
data class TimelineDeadline(
    val ruleId: String,
    val title: String,
    val countryCode: String,
    val event: DateEvent,
    val eventDay: LocalDate,
    val due: LocalDate,
    val daysLeft: Long,
    val earliestPossible: Boolean,
    /** The rule in plain words; empty for a withdrawn rule. */
    val rule: String,
    val missed: String,
    val sources: List<String>,
    val verified: Optional<LocalDate>,
    /** The rule's article (its title), and the contacts it names: what to open when it is overdue. */
    val article: ItemRef?,
    val articleTitle: String?,
    val contacts: List<Pair<ItemRef, String>>,
    val withdrawn: Boolean,
) {
    val overdue: Boolean get() = !withdrawn && daysLeft < 0
}

data class TimelineNotice(
    val id: Long,
    val kind: DateNotice.Kind,
    val title: String,
    val before: LocalDate,
    val after: LocalDate?,
    /** The rule's first source (document and line), for "because the rule changed (source, date)". */
    val source: String?,
    val verified: LocalDate?,
    val isNew: Boolean,
)

/** What the timeline's own buttons do; the shared ones (open an article, a contact) are [UiAction]s too. */
sealed interface DatesAction : UiAction {
    data class EnterDay(val event: DateEvent) : DatesAction
    data object AddToCalendar : DatesAction
    data object Print : DatesAction
}

/** Reads [DatesState]. Blocking (a local database): call it off the UI thread. */
fun loadDatesState(
    content: GuideContent,
    book: DateBook,
    personId: Long,
    personName: String?,
    country: String,
    language: Language,
): DatesState {
    val deadlines = book.deadlines(personId, language)
    val entered = book.entered(personId).filter { it.countryCode() == country }.associate { it.event() to it.day() }
    val notices = book.notices(personId)
    return DatesState(
        language = language,
        personId = personId,
        personName = personName,
        country = country,
        countryName = countryName(content, country, language),
        today = book.today(country),
        days = DateEvent.entries.map { EnteredDay(it, entered[it]) },
        deadlines = deadlines.map { timelineDeadline(content, book, it, language) },
        notices = notices.reversed().map { notice ->
            TimelineNotice(
                id = notice.id(),
                kind = notice.kind(),
                title = notice.titles()[language] ?: notice.titles().values.firstOrNull() ?: notice.ruleId(),
                before = notice.dueBefore(),
                after = notice.dueAfter().orElse(null),
                source = notice.sources().firstOrNull()?.let {
                    sourceLine(Strings.of(language), language, it, content.namedSources()).title
                },
                verified = notice.verified().orElse(null),
                isNew = notice.seenAt().isEmpty,
            )
        },
    )
}

private fun timelineDeadline(content: GuideContent, book: DateBook, deadline: Deadline, language: Language): TimelineDeadline {
    val rule = deadline.rule().orElse(null)
    val country = deadline.countryCode()
    val article = rule?.let { r -> content.articles(country, language).firstOrNull { it.id() == r.articleId() } }
    val contacts = rule?.contactIds().orEmpty().mapNotNull { id ->
        content.contacts(country, language).firstOrNull { it.id() == id }?.let { ItemRef(ItemKind.CONTACT, country, id) to it.name() }
    }
    return TimelineDeadline(
        ruleId = deadline.ruleId(),
        title = deadline.title(),
        countryCode = country,
        event = deadline.event(),
        eventDay = deadline.eventDay(),
        due = deadline.due(),
        daysLeft = deadline.daysLeft(book.today(country)),
        earliestPossible = deadline.earliestPossible(),
        rule = rule?.body().orEmpty(),
        missed = rule?.missed().orEmpty(),
        sources = deadline.sources(),
        verified = rule?.verified() ?: Optional.empty(),
        article = article?.let { ItemRef(ItemKind.ARTICLE, country, it.id()) },
        articleTitle = article?.title(),
        contacts = contacts,
        withdrawn = deadline.withdrawn(),
    )
}
