package tj.migrantsguide.app.model

import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.guide.CallInstead
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.ContactKind
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/**
 * How the contacts screen groups places and lines, in this order (the order of its index: emergency, Ministry
 * office, embassy and consulates, hotlines, services); empty groups are not shown.
 */
enum class ContactGroupKind(val kinds: Set<ContactKind>) {
    EMERGENCY(setOf(ContactKind.EMERGENCY)),
    MINISTRY(setOf(ContactKind.MINISTRY_OFFICE)),
    CONSULAR(setOf(ContactKind.EMBASSY, ContactKind.CONSULATE)),
    HOTLINES(setOf(ContactKind.HOTLINE)),
    CENTRES(setOf(ContactKind.CENTRE)),
    MONEY(setOf(ContactKind.MONEY_TRANSFER)),
    OTHER(setOf(ContactKind.SERVICE)),
}

data class ContactGroup(val kind: ContactGroupKind, val contacts: List<Contact>)

/** The entries of the contacts screen's index, in its order; "services" stands for centres, money and the rest. */
enum class ContactIndexKind(val groups: Set<ContactGroupKind>) {
    EMERGENCY(setOf(ContactGroupKind.EMERGENCY)),
    MINISTRY(setOf(ContactGroupKind.MINISTRY)),
    CONSULAR(setOf(ContactGroupKind.CONSULAR)),
    HOTLINES(setOf(ContactGroupKind.HOTLINES)),
    SERVICES(setOf(ContactGroupKind.CENTRES, ContactGroupKind.MONEY, ContactGroupKind.OTHER)),
}

/**
 * One index entry and where it jumps: the key of the list item ([groupKey] or [contactKey]). A Ministry office or
 * hotline flagged for the emergency card sits in the emergency group; its entry then jumps to its card there.
 */
data class ContactIndexEntry(val kind: ContactIndexKind, val target: String)

fun groupKey(kind: ContactGroupKind): String = "group:$kind"

fun contactKey(contact: Contact): String = "contact:${contact.countryCode()}/${contact.id()}"

data class ContactsState(
    val language: Language,
    val countryName: String,
    /** Opened from SOS or the emergency card: only the emergency group, with a way to all contacts. */
    val emergencyOnly: Boolean,
    val groups: List<ContactGroup>,
    val bookmarks: Set<ItemRef>,
    /** For a contact without a callable number (by [CallInstead.key]): the nearest one with one, to call instead. */
    val callInstead: Map<String, Contact> = emptyMap(),
    /** The index at the top of the full list (none on the emergency-only list). */
    val index: List<ContactIndexEntry> = emptyList(),
) {
    /** The list item an index entry or a link to a [section] jumps to; null when the country has nothing there. */
    fun target(section: ContactIndexKind): String? = index.firstOrNull { it.kind == section }?.target
}

/** The index over [groups]: each entry present only when something of its kind is listed. */
fun contactIndex(groups: List<ContactGroup>): List<ContactIndexEntry> = ContactIndexKind.entries.mapNotNull { entry ->
    val group = groups.firstOrNull { it.kind in entry.groups }
    if (group != null) return@mapNotNull ContactIndexEntry(entry, groupKey(group.kind))
    // Flagged for the emergency card, the only ones of their kind may all sit in the emergency group.
    val kinds = entry.groups.flatMap { it.kinds }.toSet()
    groups.flatMap { it.contacts }.firstOrNull { it.kind() in kinds }?.let { ContactIndexEntry(entry, contactKey(it)) }
}

/**
 * The chosen country's contacts by group. The first group starts with the emergency card's lines (flagged by the
 * editors, whatever their kind: in Russia the Ministry's office is one), so that SOS, the card and the list agree;
 * no contact is listed twice.
 */
fun loadContactsState(
    content: GuideContent,
    country: String,
    language: Language,
    emergencyOnly: Boolean,
    bookmarks: Set<ItemRef>,
): ContactsState {
    val own = content.contacts(country, language)
    val emergency = own.filter { it.emergency() }
    val all = ContactGroupKind.entries.map { group ->
        val members = own.filter { !it.emergency() && it.kind() in group.kinds }
        ContactGroup(group, if (group == ContactGroupKind.EMERGENCY) emergency + members else members)
    }.filter { it.contacts.isNotEmpty() }
    // SOS: the emergency lines and the hotlines.
    val groups = if (emergencyOnly) all.filter { it.kind == ContactGroupKind.EMERGENCY || it.kind == ContactGroupKind.HOTLINES } else all
    // Notes send people to the home country's offices too ([[TJ/mfa-consular-department]]).
    val reachable = (own + if (country == GuideContent.HOME_COUNTRY) emptyList() else content.contacts(GuideContent.HOME_COUNTRY, language))
        .associateBy { CallInstead.key(it) }
    val callInstead = own.mapNotNull { contact ->
        CallInstead.nearest(contact, reachable).orElse(null)?.let { CallInstead.key(contact) to it }
    }.toMap()
    return ContactsState(
        language = language,
        countryName = content.countries().firstOrNull { it.code() == country }?.name(language) ?: country,
        emergencyOnly = emergencyOnly,
        groups = groups,
        bookmarks = bookmarks,
        callInstead = callInstead,
        index = if (emergencyOnly) emptyList() else contactIndex(groups),
    )
}

/** One contact, for a link or a bookmark; null when it is no longer in the guide. */
data class ContactState(
    val language: Language,
    val contact: Contact?,
    val countryName: String,
    val bookmarked: Boolean,
)

fun loadContactState(content: GuideContent, item: ItemRef, language: Language, bookmarks: Set<ItemRef>): ContactState {
    require(item.kind() == ItemKind.CONTACT)
    val contact = content.contacts(item.countryCode(), language).firstOrNull { it.id() == item.id() }
    return ContactState(
        language = language,
        contact = contact,
        countryName = content.countries().firstOrNull { it.code() == item.countryCode() }?.name(language) ?: item.countryCode(),
        bookmarked = item in bookmarks,
    )
}

fun Contact.ref(): ItemRef = ItemRef(ItemKind.CONTACT, countryCode(), id())
