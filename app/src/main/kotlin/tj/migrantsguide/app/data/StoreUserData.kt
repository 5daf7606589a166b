package tj.migrantsguide.app.data

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.Person
import tj.migrantsguide.store.RecoveryNotice
import tj.migrantsguide.store.StoreException
import tj.migrantsguide.store.Theme
import tj.migrantsguide.store.UserData as StoreUser

/**
 * [UserData] kept in the device's user.db (`GuideStore.user()`): it survives content updates, and a damaged file is
 * salvaged by the store. The flows are filled when this is made (a few small reads: construct it off the UI thread)
 * and refreshed after each write from what the database holds, so what a screen shows is what was saved.
 */
class StoreUserData(private val user: StoreUser) : UserData {
    private val settingsFlow = MutableStateFlow(readSettings())
    private val peopleFlow = MutableStateFlow(read("read people") { user.people() })
    private val currentFlow = MutableStateFlow(read("read people") { user.currentPerson() })
    private val ticksFlow = MutableStateFlow(0L)
    private val bookmarksFlow = MutableStateFlow(readBookmarks())
    private val recentFlow = MutableStateFlow(readRecent())
    private val recoveryFlow = MutableStateFlow(read("read notices") { user.unseenRecovery().orElse(null) })

    override val settings: StateFlow<Settings> = settingsFlow.asStateFlow()
    override val people: StateFlow<List<Person>> = peopleFlow.asStateFlow()
    override val currentPerson: StateFlow<Person> = currentFlow.asStateFlow()
    override val ticksRevision: StateFlow<Long> = ticksFlow.asStateFlow()
    override val bookmarks: StateFlow<List<ItemRef>> = bookmarksFlow.asStateFlow()
    override val recent: StateFlow<List<ItemRef>> = recentFlow.asStateFlow()
    override val recoveryNotice: StateFlow<RecoveryNotice?> = recoveryFlow.asStateFlow()

    override fun recoveryNoticeSeen() = synchronized(this) {
        val notice = recoveryFlow.value ?: return
        write("mark a notice seen") { user.markSeen(notice) }
        recoveryFlow.value = null
    }

    override fun updateSettings(change: (Settings) -> Settings) = synchronized(this) {
        val before = settingsFlow.value
        val after = change(before)
        if (after == before) return
        write("save settings") {
            val stored = user.settings()
            if (after.language != before.language) {
                // A null language means "back to the first-start language step".
                after.language?.let(stored::setLanguage) ?: stored.remove(LANGUAGE)
            }
            if (after.country != before.country) after.country?.let(stored::setCountry) ?: stored.remove(COUNTRY)
            if (after.textSize != before.textSize) stored.setTextSize(after.textSize)
            if (after.theme != before.theme) stored.setTheme(after.theme)
            if (after.window != before.window) after.window?.let(stored::setWindowBounds)
        }
        settingsFlow.value = readSettings()
    }

    override fun choosePerson(personId: Long) = synchronized(this) {
        write("choose a person") { user.chooseCurrentPerson(personId) }
        refreshPeople()
    }

    override fun addPerson(name: String): Person = synchronized(this) {
        val person = write("add a person") { user.addPerson(name) }
        refreshPeople()
        person
    }

    override fun renamePerson(personId: Long, name: String) = synchronized(this) {
        write("rename a person") { user.renamePerson(personId, name) }
        refreshPeople()
    }

    override fun removePerson(personId: Long) = synchronized(this) {
        write("remove a person") { user.removePerson(personId) }
        refreshPeople()
    }

    override fun ticked(checklist: ItemRef, personId: Long): Set<String> =
        read("read ticks") { user.tickedItems(personId, checklist.countryCode(), checklist.id()) }

    override fun setTicked(checklist: ItemRef, itemId: String, ticked: Boolean) = synchronized(this) {
        write("tick an item") { user.setTicked(currentFlow.value.id(), checklist.countryCode(), checklist.id(), itemId, ticked) }
        ticksFlow.value += 1
    }

    override fun resetTicks(checklist: ItemRef) = synchronized(this) {
        write("reset a checklist") { user.resetChecklist(currentFlow.value.id(), checklist.countryCode(), checklist.id()) }
        ticksFlow.value += 1
    }

    override fun setBookmarked(item: ItemRef, bookmarked: Boolean) = synchronized(this) {
        write("save a bookmark") { if (bookmarked) user.bookmark(item) else user.removeBookmark(item) }
        bookmarksFlow.value = readBookmarks()
    }

    override fun markViewed(item: ItemRef) = synchronized(this) {
        write("remember an opened item") { user.opened(item) }
        recentFlow.value = readRecent()
    }

    private fun refreshPeople() {
        peopleFlow.value = read("read people") { user.people() }
        currentFlow.value = read("read people") { user.currentPerson() }
        ticksFlow.value += 1
    }

    private fun readSettings(): Settings = read("read settings") {
        val stored = user.settings()
        Settings(
            language = stored.language().orElse(null),
            country = stored.country().orElse(null),
            textSize = stored.textSize(),
            theme = stored.theme(),
            window = stored.windowBounds().orElse(null),
        )
    }

    private fun readBookmarks(): List<ItemRef> = read("read bookmarks") { user.bookmarks().map { it.item() } }

    private fun readRecent(): List<ItemRef> =
        read("read recent items") { user.recentItems().map { it.item() }.take(UserData.RECENT_LIMIT) }

    private fun <T> write(what: String, block: () -> T): T = try {
        block()
    } catch (e: StoreException) {
        throw UserDataNotSaved(what, e)
    }

    // A read that fails is a broken database: the store has already tried to repair it at the start, so there is
    // nothing better to do here than to let the screen's error handling say so.
    private fun <T> read(@Suppress("UNUSED_PARAMETER") what: String, block: () -> T): T = block()

    companion object {
        private const val LANGUAGE = "language"
        private const val COUNTRY = "country"
    }
}
