package tj.migrantsguide.app

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.ContentEdition
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.data.UserDataNotSaved
import tj.migrantsguide.app.model.ArticleText
import tj.migrantsguide.app.model.Block
import tj.migrantsguide.app.model.LastSync
import tj.migrantsguide.app.model.Piece
import tj.migrantsguide.app.model.contentStatus
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Navigator
import tj.migrantsguide.app.shell.FirstFrameMark
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.GuideStore
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme
import tj.migrantsguide.store.WindowBounds

class StoreUserDataTest {
    private val checklist = ItemRef(ItemKind.CHECKLIST, "RU", "before-you-leave-ru")

    private fun <T> opened(dir: Path, block: (StoreUserData) -> T): T =
        GuideStore.open(dir, testClock).use { block(StoreUserData(it.user())) }

    @Test
    fun `settings, ticks, bookmarks and recent items survive a restart`(@TempDir dir: Path) {
        val before = opened(dir) { first ->
            first.updateSettings {
                it.copy(Language.RUSSIAN, "RU", TextSize.VERY_LARGE, Theme.HIGH_CONTRAST, WindowBounds(10, 20, 412, 915))
            }
            first.setTicked(checklist, "foreign-passport", true)
            first.setTicked(checklist, "entry-ban-check", true)
            first.setTicked(checklist, "entry-ban-check", false)
            first.setBookmarked(ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days-ru"), true)
            first.markViewed(ItemRef(ItemKind.CONTACT, "RU", "trafficking-hotline-227-ru"))
            first.markViewed(checklist)
            first.settings.value
        }
        opened(dir) { again ->
            assertEquals(before, again.settings.value)
            assertEquals(setOf("foreign-passport"), again.ticked(checklist))
            assertEquals(listOf(ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days-ru")), again.bookmarks.value)
            assertEquals(listOf(checklist, ItemRef(ItemKind.CONTACT, "RU", "trafficking-hotline-227-ru")), again.recent.value)
        }
    }

    @Test
    fun `ticks belong to a person and a reset clears only that person's list`(@TempDir dir: Path) {
        opened(dir) { data ->
            val me = data.currentPerson.value
            data.setTicked(checklist, "a", true)
            val brother = data.addPerson("  Фаридун  ")
            assertEquals("Фаридун", brother.name())
            data.choosePerson(brother.id())
            assertEquals(brother.id(), data.currentPerson.value.id())
            assertEquals(emptySet(), data.ticked(checklist))
            val revision = data.ticksRevision.value
            data.setTicked(checklist, "b", true)
            assertTrue(data.ticksRevision.value > revision, "screens are told to read ticks again")
            data.resetTicks(checklist)
            assertEquals(emptySet(), data.ticked(checklist))
            assertEquals(setOf("a"), data.ticked(checklist, me.id()))
        }
        opened(dir) { again ->
            assertEquals(listOf("", "Фаридун"), again.people.value.map { it.name() })
            assertEquals("Фаридун", again.currentPerson.value.name(), "the chosen person is remembered")
        }
    }

    @Test
    fun `people are renamed and removed with their ticks, but the last one stays`(@TempDir dir: Path) {
        opened(dir) { data ->
            val me = data.currentPerson.value
            val other = data.addPerson("Зарина")
            data.choosePerson(other.id())
            data.setTicked(checklist, "a", true)
            data.renamePerson(other.id(), "Зарина Н.")
            assertEquals("Зарина Н.", data.currentPerson.value.name())
            data.removePerson(other.id())
            assertEquals(listOf(me.id()), data.people.value.map { it.id() })
            assertEquals(me.id(), data.currentPerson.value.id(), "the owner's list shows again")
            assertEquals(emptySet(), data.ticked(checklist, other.id()))
            val refused = runCatching { data.removePerson(me.id()) }.exceptionOrNull()
            assertTrue(refused is UserDataNotSaved || refused is tj.migrantsguide.store.UserData.LastPersonException, "$refused")
            assertEquals(1, data.people.value.size)
        }
    }

    @Test
    fun `recent keeps the newest twenty without repeats`(@TempDir dir: Path) {
        // A clock that moves a second at every reading, so that each view is later than the one before.
        val ticking = object : Clock() {
            private var now = testClock.instant()
            override fun getZone() = ZoneOffset.UTC
            override fun withZone(zone: java.time.ZoneId) = this
            override fun instant(): Instant = now.also { now = now.plusSeconds(1) }
        }
        GuideStore.open(dir, ticking).use { store ->
            val data = StoreUserData(store.user())
            repeat(25) { data.markViewed(ItemRef(ItemKind.ARTICLE, "RU", "a$it")) }
            data.markViewed(ItemRef(ItemKind.ARTICLE, "RU", "a20"))
        }
        val recent = opened(dir) { it.recent.value }
        assertEquals(20, recent.size)
        assertEquals("a20", recent.first().id)
        assertEquals(recent.size, recent.toSet().size)
    }

    @Test
    fun `back to the language step forgets the language and values it does not understand fall back to defaults`(@TempDir dir: Path) {
        GuideStore.open(dir, testClock).use { store ->
            store.user().settings().put(tj.migrantsguide.store.Settings.TEXT_SIZE_PERCENT, "333")
            store.user().settings().put("theme", "PURPLE")
            val data = StoreUserData(store.user())
            assertEquals(TextSize.NORMAL, data.settings.value.textSize)
            assertEquals(Theme.LIGHT, data.settings.value.theme)
            data.updateSettings { it.copy(language = Language.TAJIK) }
            data.updateSettings { it.copy(language = null) }
            assertNull(StoreUserData(store.user()).settings.value.language)
        }
    }
}

class StoreSearchTest {
    @Test
    fun `finds the hotline by its number whatever the spacing, in the reader's language first`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = StoreSearch(guide.store())
            for (query in listOf("2270707", "227 07 07", "227-07-07-07")) {
                val hits = search.search(query, "RU", Language.TAJIK)
                val hit = hits.firstOrNull { it.item.id() == "trafficking-hotline-227-ru" }
                assertNotNull(hit, "query $query")
                assertEquals(Language.TAJIK, hit.language)
                assertTrue(hit.excerpt.segments().any { it.highlighted() && it.text().any(Char::isDigit) }, "$query: ${hit.excerpt}")
            }
        }
    }

    @Test
    fun `a russian keyboard finds tajik words, marked in their own spelling`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = StoreSearch(guide.store())
            // "Телефони боварӣ…": typed without Tajik letters and in capitals.
            val hits = search.search("ТЕЛЕФОНИ БОВАРИ", "RU", Language.TAJIK)
            val hotline = hits.first { it.item.id() == "trafficking-hotline-227-ru" }
            val marked = (hotline.title.segments() + hotline.excerpt.segments()).filter { it.highlighted() }.map { it.text().lowercase() }
            assertTrue("боварӣ" in marked, "$marked")
        }
    }

    @Test
    fun `hits are the chosen country's and home's, each item once`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = StoreSearch(guide.store())
            val hits = search.search("паспорт", "RU", Language.RUSSIAN)
            assertTrue(hits.isNotEmpty())
            assertTrue(hits.all { it.item.countryCode() in setOf("RU", "TJ") }, hits.map { it.item }.toString())
            assertEquals(hits.size, hits.map { it.key }.toSet().size)
        }
    }

    @Test
    fun `blank and hostile queries find nothing and do not break it`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = StoreSearch(guide.store())
            for (query in listOf("", "   ", "\"*()-", "NEAR", "title:x", "😀", "а".repeat(10_000))) search.search(query, "RU", Language.RUSSIAN)
            assertTrue(search.search("  ", "RU", Language.RUSSIAN).isEmpty())
            assertTrue(search.search("!?", "RU", Language.RUSSIAN).isEmpty())
        }
    }
}

class ArticleTextTest {
    @Test
    fun `paragraphs, bullets and links become blocks`() {
        val blocks = ArticleText.parse(
            "First line\ngoes on.\n\n- one [[registration-15-days]]\n- two [[TJ/trafficking-hotline-227]]\n\nLast [[x]].",
        )
        assertEquals(4, blocks.size)
        assertEquals(Block.Paragraph(listOf(Piece.Words("First line goes on."))), blocks[0])
        assertEquals(Block.Bullet(listOf(Piece.Words("one "), Piece.Link(null, "registration-15-days"))), blocks[1])
        assertEquals(Block.Bullet(listOf(Piece.Words("two "), Piece.Link("TJ", "trafficking-hotline-227"))), blocks[2])
        assertEquals(Block.Paragraph(listOf(Piece.Words("Last "), Piece.Link(null, "x"), Piece.Words("."))), blocks[3])
    }

    @Test
    fun `broken brackets stay as text`() {
        assertEquals(listOf(Block.Paragraph(listOf(Piece.Words("a [[b c]] [[d")))), ArticleText.parse("a [[b c]] [[d"))
    }

    @Test
    fun `a note shown where links cannot be followed loses its links but keeps its words and numbers`() {
        assertEquals(
            "Deaf callers can use textphone 18000.",
            ArticleText.withoutLinks("Deaf callers can use textphone 18000 [[textphone-18000]]."),
        )
        assertEquals("Ask the Migration Service. Then [[b c]]", ArticleText.withoutLinks("Ask the Migration Service [[TJ/migration-service]]. Then [[b c]]"))
    }
}

class NavigatorTest {
    @Test
    fun `back walks the stack and stops at home`() {
        val navigator = Navigator()
        assertFalse(navigator.back())
        navigator.open(Destination.Contacts())
        navigator.open(Destination.Contacts())
        navigator.open(Destination.Search("a"))
        navigator.replaceTop(Destination.Search("ab"))
        assertEquals(3, navigator.depth)
        assertEquals(Destination.Search("ab"), navigator.current)
        assertTrue(navigator.back())
        assertTrue(navigator.back())
        assertEquals(Destination.Home, navigator.current)
        navigator.open(Destination.Saved)
        navigator.open(Destination.Home)
        assertEquals(1, navigator.depth)
    }
}

class ContentStatusTest {
    private val edition = ContentEdition(3, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"))

    @Test
    fun `content past its validity is marked from that day`() {
        val late = contentStatus(edition, SyncState(), Clock.fixed(Instant.parse("2026-07-05T00:00:00Z"), ZoneOffset.UTC))
        assertEquals(LocalDate.of(2026, 6, 30), late.outdatedSince)
        assertEquals(LocalDate.of(2026, 1, 1), late.published)
        assertEquals(LastSync.Never, late.lastSync)
        val early = contentStatus(edition, SyncState(lastSuccess = Instant.parse("2026-03-01T00:00:00Z")), Clock.fixed(Instant.parse("2026-03-04T12:00:00Z"), ZoneOffset.UTC))
        assertNull(early.outdatedSince)
        assertEquals(LastSync.DaysAgo(3), early.lastSync)
    }
}

class FirstFrameMarkTest {
    @Test
    fun `the first frame is marked once, in wall-clock milliseconds`(@TempDir dir: Path) {
        val file = dir.resolve("marks/first-frame.txt")
        val start = Instant.parse("2026-11-24T10:00:00Z")
        val clock = TickingClock(start) // a second later at every reading
        val mark = FirstFrameMark(file, clock)
        mark.reached()
        mark.reached()
        assertEquals("${start.toEpochMilli()}\n", Files.readString(file))
    }

    @Test
    fun `without a file nothing is written`() {
        FirstFrameMark(null).reached()
    }
}

/** A fake clock that moves one second forward every time it is read. */
private class TickingClock(private var now: Instant) : Clock() {
    override fun getZone(): java.time.ZoneId = ZoneOffset.UTC
    override fun withZone(zone: java.time.ZoneId): Clock = this
    override fun instant(): Instant = now.also { now = now.plusSeconds(1) }
}

class CountryChoicesTest {
    @Test
    fun `the first start offers the destinations most people go to first, russia at the top, in every language`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val countries = tj.migrantsguide.app.data.StoreGuideContent(guide.store()).countries()
            for (language in tj.migrantsguide.guide.Language.values()) {
                val codes = tj.migrantsguide.app.model.countryChoices(countries, language).map { it.code }
                // content/guide/countries.txt: by the sources' figures, then the destinations without figures.
                assertEquals(listOf("RU", "KZ", "GB", "TR", "SA", "BY", "KR", "AE", "QA", "KG", "CN"), codes, language.code())
            }
        }
    }
}

class CallInsteadStateTest {
    @Test
    fun `every tajik mission in russia without a number offers the ministry office instead, and a number needs no button`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val content = tj.migrantsguide.app.data.StoreGuideContent(guide.store())
            for (language in tj.migrantsguide.guide.Language.values()) {
                val state = tj.migrantsguide.app.model.loadContactsState(content, "RU", language, false, emptySet())
                for (mission in listOf("embassy-moscow", "consular-service-moscow", "consulate-saint-petersburg",
                        "consulate-novosibirsk", "consulate-yekaterinburg", "consulate-ufa")) {
                    assertEquals("ministry-office-russia", state.callInstead["RU/$mission"]?.id(), "$language $mission")
                }
                assertNull(state.callInstead["RU/ministry-office-russia"])
            }
        }
    }
}
