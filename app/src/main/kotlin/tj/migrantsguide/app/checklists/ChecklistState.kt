package tj.migrantsguide.app.checklists

import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.ItemKind
import tj.migrantsguide.app.data.ItemRef
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Language

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
)

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
    ticks: Map<ItemRef, Set<String>>,
): ChecklistsState = ChecklistsState(
    language = language,
    countryName = content.countries().firstOrNull { it.code() == country }?.name(language) ?: country,
    lists = lists.map { (ref, list) -> ChecklistProgress(ref, list, ticks[ref].orEmpty()) },
)
