package tj.migrantsguide.app.navigation

import tj.migrantsguide.guide.Phone
import tj.migrantsguide.store.ItemRef

/**
 * What a person can do on a screen. Each screen's own action type extends this; the actions below are the ones
 * every screen shares, handled in one place ([AppController]).
 */
interface UiAction

data object Back : UiAction

data class Open(val destination: Destination) : UiAction

/** Opens the emergency numbers (the SOS button). */
data object Emergency : UiAction

data class Call(val contactName: String, val phone: Phone) : UiAction

data class CopyNumber(val phone: Phone) : UiAction

data class OpenWebsite(val address: String) : UiAction

data class SetBookmark(val item: ItemRef, val bookmarked: Boolean) : UiAction
