package tj.migrantsguide.app.model

import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
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
