package tj.migrantsguide.app.model

import tj.migrantsguide.app.data.Signer
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.RuleLength
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.ItemKind

fun stageTitle(strings: Strings, stage: Stage): String = when (stage) {
    Stage.BEFORE_DEPARTURE -> strings[S.STAGE_BEFORE]
    Stage.ABROAD -> strings[S.STAGE_ABROAD]
    Stage.RETURN -> strings[S.STAGE_RETURN]
}

fun stageHint(strings: Strings, stage: Stage): String = when (stage) {
    Stage.BEFORE_DEPARTURE -> strings[S.STAGE_BEFORE_HINT]
    Stage.ABROAD -> strings[S.STAGE_ABROAD_HINT]
    Stage.RETURN -> strings[S.STAGE_RETURN_HINT]
}

fun lastSyncText(strings: Strings, status: ContentStatus): String = when {
    status.syncPercent != null -> strings[S.SYNC_RUNNING, "percent" to status.syncPercent]
    else -> when (val last = status.lastSync) {
        LastSync.Never -> strings[S.STATUS_SYNC_NEVER]
        is LastSync.DaysAgo -> if (last.days == 0) strings[S.STATUS_SYNC_TODAY]
        else strings[S.STATUS_SYNC_DAYS_AGO, "days" to strings.plural(P.DAYS, last.days)]
    }
}

fun kindTitle(strings: Strings, kind: ItemKind): String = when (kind) {
    ItemKind.ARTICLE -> strings[S.GUIDE]
    ItemKind.CONTACT -> strings[S.CONTACTS]
    // A checklist line is found by search and shown with its checklist.
    ItemKind.CHECKLIST, ItemKind.CHECKLIST_ITEM -> strings[S.CHECKLISTS]
    ItemKind.RULE -> strings[S.MY_DATES]
}

fun groupTitle(strings: Strings, kind: ContactGroupKind): String = when (kind) {
    ContactGroupKind.EMERGENCY -> strings[S.GROUP_EMERGENCY]
    ContactGroupKind.CONSULAR -> strings[S.GROUP_CONSULAR]
    ContactGroupKind.MINISTRY -> strings[S.GROUP_MINISTRY]
    ContactGroupKind.CENTRES -> strings[S.GROUP_CENTRES]
    ContactGroupKind.MONEY -> strings[S.GROUP_MONEY]
    ContactGroupKind.HOTLINES -> strings[S.GROUP_HOTLINES]
    ContactGroupKind.OTHER -> strings[S.GROUP_OTHER]
}

fun indexTitle(strings: Strings, kind: ContactIndexKind): String = when (kind) {
    ContactIndexKind.EMERGENCY -> strings[S.INDEX_EMERGENCY]
    ContactIndexKind.MINISTRY -> strings[S.INDEX_MINISTRY]
    ContactIndexKind.CONSULAR -> strings[S.INDEX_CONSULAR]
    ContactIndexKind.HOTLINES -> strings[S.INDEX_HOTLINES]
    ContactIndexKind.SERVICES -> strings[S.INDEX_SERVICES]
}

/**
 * Who signed the installed content, in a phrase inside a sentence ("signed by the Ministry (key 06118ee4…)"): the
 * Ministry only for a key the app trusts by itself, never for the development key or one an editor added.
 */
fun signedText(strings: Strings, signer: Signer?, key: String): String = when (signer) {
    Signer.MINISTRY -> strings[S.SIGNED_MINISTRY, "key" to key]
    Signer.DEVELOPMENT -> strings[S.SIGNED_DEVELOPMENT, "key" to key]
    Signer.ADDED_ON_DEVICE -> strings[S.SIGNED_ADDED, "key" to key]
    null -> strings[S.SIGNED_KEY, "key" to key]
}

/** How long a deadline rule gives, in words: "15 days", "7 working days", "every month", "90 days in any 180 days". */
fun ruleLengthText(strings: Strings, length: RuleLength): String = when (length) {
    is RuleLength.CalendarDays -> strings.plural(P.DAYS, length.days())
    is RuleLength.WorkingDays -> strings.plural(P.WORKING_DAYS, length.days())
    is RuleLength.Monthly -> strings[S.RULE_MONTHLY]
    is RuleLength.DaysInAny -> strings[S.RULE_DAYS_IN_ANY, "days" to strings.plural(P.DAYS, length.days()),
        "period" to strings.plural(P.DAYS, length.period())]
}

