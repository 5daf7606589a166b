package tj.migrantsguide.app.feature.checklists

import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.Person

/** A checklist with how far the person got. Ticks of items an update removed are not counted. */
data class ChecklistProgress(val item: ItemRef, val checklist: Checklist, val ticked: Set<String>) {
    val total: Int get() = checklist.items().size
    val done: Int get() = checklist.items().count { it.id() in ticked }
}

data class ChecklistsState(
    val language: Language,
    val countryName: String,
    val lists: List<ChecklistProgress>,
)

data class ChecklistState(
    val language: Language,
    val progress: ChecklistProgress?,
    val countryName: String,
    val bookmarked: Boolean,
    /** The "clear all ticks?" question is open. */
    val confirmingReset: Boolean = false,
    /** Everyone on the device with their progress in this checklist; the current person's ticks are [progress]. */
    val people: List<PersonProgress> = emptyList(),
    val currentPersonId: Long = 0,
    val dialog: PeopleDialog? = null,
)

data class PersonProgress(val person: Person, val done: Int, val total: Int)

/** The open question about people: a name to type, or "remove?". */
sealed interface PeopleDialog {
    data object Add : PeopleDialog
    data class Rename(val person: Person) : PeopleDialog
    data class Remove(val person: Person) : PeopleDialog
}

/** Reads each person's ticks of [list] (blocking). */
fun checklistState(
    userData: UserData,
    item: ItemRef,
    list: Checklist?,
    countryName: String,
    language: Language,
    people: List<Person>,
    current: Person,
    bookmarked: Boolean,
    confirmingReset: Boolean = false,
    dialog: PeopleDialog? = null,
): ChecklistState {
    val ticks = people.associate { it.id() to userData.ticked(item, it.id()) }
    return ChecklistState(
        language = language,
        progress = list?.let { ChecklistProgress(item, it, ticks[current.id()] ?: userData.ticked(item, current.id())) },
        countryName = countryName,
        bookmarked = bookmarked,
        confirmingReset = confirmingReset,
        people = list?.let { l -> people.map { p -> ChecklistProgress(item, l, ticks[p.id()].orEmpty()).let { PersonProgress(p, it.done, it.total) } } }.orEmpty(),
        currentPersonId = current.id(),
        dialog = dialog,
    )
}

/** The chosen country's checklists, then the home country's. */
fun loadChecklists(content: GuideContent, country: String, language: Language): List<Pair<ItemRef, Checklist>> {
    val codes = listOf(country) + if (country != GuideContent.HOME_COUNTRY) listOf(GuideContent.HOME_COUNTRY) else emptyList()
    return codes.flatMap { code ->
        content.checklists(code, language).map { ItemRef(ItemKind.CHECKLIST, code, it.id()) to it }
    }
}

fun checklistsState(
    content: GuideContent,
    country: String,
    language: Language,
    lists: List<Pair<ItemRef, Checklist>>,
    userData: UserData,
): ChecklistsState = ChecklistsState(
    language = language,
    countryName = content.countries().firstOrNull { it.code() == country }?.name(language) ?: country,
    lists = lists.map { (ref, list) -> ChecklistProgress(ref, list, userData.ticked(ref)) },
)
