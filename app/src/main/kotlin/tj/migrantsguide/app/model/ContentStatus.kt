package tj.migrantsguide.app.model

import java.time.Clock
import java.time.Duration
import java.time.LocalDate
import tj.migrantsguide.app.data.ContentEdition
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language

/**
 * The line under everything: how old the information is, when it was last updated over the internet, and whether
 * it may be out of date (the installed feed's validity has passed).
 */
data class ContentStatus(
    val published: LocalDate?,
    val lastSync: LastSync,
    /** The day the content stopped counting as current; null while it is current. */
    val outdatedSince: LocalDate?,
    /** Percent of a running update, or null. */
    val syncPercent: Int?,
    /** The last update over the internet was more than [SYNC_STALE_DAYS] days ago. */
    val syncLongAgo: Boolean = false,
) {
    val mayBeOutdated: Boolean get() = outdatedSince != null || syncLongAgo
}

/** After this long without an update the guide says it may be out of date, even before the content expires. */
const val SYNC_STALE_DAYS = 30

sealed interface LastSync {
    data object Never : LastSync
    data class DaysAgo(val days: Int) : LastSync
}

fun contentStatus(edition: ContentEdition?, sync: SyncState, clock: Clock): ContentStatus {
    val zone = clock.zone
    val now = clock.instant()
    return ContentStatus(
        published = edition?.published?.atZone(zone)?.toLocalDate(),
        lastSync = sync.lastSuccess?.let { LastSync.DaysAgo(Duration.between(it, now).toDays().toInt().coerceAtLeast(0)) }
            ?: LastSync.Never,
        outdatedSince = edition?.expires?.takeIf { it.isBefore(now) }?.atZone(zone)?.toLocalDate(),
        syncPercent = if (sync.running) {
            sync.bytesTotal?.takeIf { it > 0 }?.let { (sync.bytesDone * 100 / it).toInt().coerceIn(0, 100) } ?: 0
        } else {
            null
        },
        syncLongAgo = sync.lastSuccess?.let { Duration.between(it, now).toDays() > SYNC_STALE_DAYS } ?: false,
    )
}

/**
 * The emergency card's lines: the country's contacts the editors flagged `emergency: yes`, in their order. The
 * content puts the local emergency numbers and the two Tajik anti-trafficking hotlines on every country's card
 * (content/SPEC.md, "Emergency card"), so the home country's own lines (its police, its copies of the hotlines)
 * are not added: abroad they would repeat the hotlines and offer numbers that only work in Tajikistan.
 */
fun emergencyContacts(content: GuideContent, country: String, language: Language): List<Contact> =
    content.contacts(country, language).filter { it.emergency() }

fun countryName(content: GuideContent, country: String, language: Language): String =
    content.countries().firstOrNull { it.code() == country }?.name(language) ?: country
