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
import tj.migrantsguide.app.data.FileUserData
import tj.migrantsguide.app.data.ItemKind
import tj.migrantsguide.app.data.ItemRef
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.data.TextSize
import tj.migrantsguide.app.data.ThemeChoice
import tj.migrantsguide.app.data.TitleSearch
import tj.migrantsguide.app.data.WindowPlacement
import tj.migrantsguide.app.guide.ArticleText
import tj.migrantsguide.app.guide.Block
import tj.migrantsguide.app.guide.Piece
import tj.migrantsguide.app.home.LastSync
import tj.migrantsguide.app.home.contentStatus
import tj.migrantsguide.app.ui.Destination
import tj.migrantsguide.app.ui.Navigator
import tj.migrantsguide.guide.Language

class FileUserDataTest {
    private val checklist = ItemRef(ItemKind.CHECKLIST, "RU", "before-you-leave")

    @Test
    fun `settings, ticks, bookmarks and recent items survive a restart`(@TempDir dir: Path) {
        val first = FileUserData.open(dir)
        first.updateSettings {
            it.copy(Language.RUSSIAN, "RU", TextSize.LARGEST, ThemeChoice.HIGH_CONTRAST, WindowPlacement(10f, 20f, 412f, 915f))
        }
        first.setTicked(checklist, "foreign-passport", true)
        first.setTicked(checklist, "save-hotlines", true)
        first.setTicked(checklist, "save-hotlines", false)
        first.setBookmarked(ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days"), true)
        first.markViewed(ItemRef(ItemKind.CONTACT, "RU", "trafficking-hotline-227"))
        first.markViewed(checklist)

        val again = FileUserData.open(dir)
        assertEquals(first.settings.value, again.settings.value)
        assertEquals(mapOf(checklist to setOf("foreign-passport")), again.ticks.value)
        assertEquals(listOf(ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days")), again.bookmarks.value)
        assertEquals(listOf(checklist, ItemRef(ItemKind.CONTACT, "RU", "trafficking-hotline-227")), again.recent.value)
        assertFalse(Files.exists(dir.resolve(FileUserData.FILE_NAME + ".new")), "no temporary file left behind")
    }

    @Test
    fun `reset clears only that checklist`(@TempDir dir: Path) {
        val data = FileUserData.open(dir)
        val other = ItemRef(ItemKind.CHECKLIST, "RU", "other")
        data.setTicked(checklist, "a", true)
        data.setTicked(other, "b", true)
        data.resetTicks(checklist)
        assertEquals(mapOf(other to setOf("b")), FileUserData.open(dir).ticks.value)
    }

    @Test
    fun `recent keeps the newest twenty without repeats`(@TempDir dir: Path) {
        val data = FileUserData.open(dir)
        repeat(25) { data.markViewed(ItemRef(ItemKind.ARTICLE, "RU", "a$it")) }
        data.markViewed(ItemRef(ItemKind.ARTICLE, "RU", "a20"))
        val recent = FileUserData.open(dir).recent.value
        assertEquals(20, recent.size)
        assertEquals("a20", recent.first().id)
        assertEquals(recent.size, recent.toSet().size)
    }

    @Test
    fun `an unreadable file is kept aside and the guide starts fresh`(@TempDir dir: Path) {
        Files.writeString(dir.resolve(FileUserData.FILE_NAME), "language=\\uZZZZ\n")
        val data = FileUserData.open(dir)
        assertNull(data.settings.value.language)
        assertTrue(Files.exists(dir.resolve(FileUserData.FILE_NAME + ".unreadable-1")))
    }

    @Test
    fun `values it does not understand fall back to defaults`(@TempDir dir: Path) {
        Files.writeString(dir.resolve(FileUserData.FILE_NAME), "language=xx\ntext-size=333\ntheme=purple\nwindow=1,2\nbookmarks=nonsense article/RU/a\n")
        val data = FileUserData.open(dir)
        assertNull(data.settings.value.language)
        assertEquals(TextSize.NORMAL, data.settings.value.textSize)
        assertEquals(ThemeChoice.LIGHT, data.settings.value.theme)
        assertNull(data.settings.value.window)
        assertEquals(listOf(ItemRef(ItemKind.ARTICLE, "RU", "a")), data.bookmarks.value)
    }
}

class TitleSearchTest {
    @Test
    fun `finds the hotline by its number whatever the spacing, in the reader's language first`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = TitleSearch(StoreGuideContent(guide.store()))
            for (query in listOf("227", "2270707", "227 07 07", "227-07-07-07")) {
                val hits = search.search(query, "RU", Language.TAJIK)
                val hit = hits.firstOrNull { it.item.id == "trafficking-hotline-227-ru" }
                assertNotNull(hit, "query $query")
                assertEquals(Language.TAJIK, hit.language)
                assertEquals("227-07-07-07", hit.snippet.text)
                assertTrue(hit.snippet.parts.any { it.match && it.text.startsWith("227") }, "$query: ${hit.snippet}")
            }
        }
    }

    @Test
    fun `a russian keyboard finds tajik titles and words match from their start`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = TitleSearch(StoreGuideContent(guide.store()))
            // "Телефони боварӣ оид ба…": typed without Tajik letters and in capitals.
            val hits = search.search("ТЕЛЕФОНИ БОВАРИ", "RU", Language.TAJIK)
            assertEquals(listOf("trafficking-hotline-227-ru", "trafficking-hotline-98-ru"), hits.map { it.item.id })
            val marked = hits.first().snippet.parts.filter { it.match }.map { it.text }
            assertEquals(listOf("Телефони", "боварӣ"), marked)
            assertTrue(search.search("лефони", "RU", Language.TAJIK).isEmpty(), "a word is matched from its start only")
        }
    }

    @Test
    fun `an item found only in another language is shown once, in that language`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = TitleSearch(StoreGuideContent(guide.store()))
            val hits = search.search("горячая линия", "RU", Language.TAJIK)
            assertTrue(hits.isNotEmpty())
            assertTrue(hits.all { it.language == Language.RUSSIAN })
            assertEquals(hits.size, hits.map { it.item }.toSet().size)
        }
    }

    @Test
    fun `blank and punctuation-only queries find nothing and odd ones do not break it`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val search = TitleSearch(StoreGuideContent(guide.store()))
            for (query in listOf("", "   ", "\"*()-", "NEAR", "😀", "а".repeat(10_000))) search.search(query, "RU", Language.RUSSIAN)
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
        val mark = tj.migrantsguide.app.FirstFrameMark(file, clock)
        mark.reached()
        mark.reached()
        assertEquals("${start.toEpochMilli()}\n", Files.readString(file))
    }

    @Test
    fun `without a file nothing is written`() {
        tj.migrantsguide.app.FirstFrameMark(null).reached()
    }
}

/** A fake clock that moves one second forward every time it is read. */
private class TickingClock(private var now: Instant) : Clock() {
    override fun getZone(): java.time.ZoneId = ZoneOffset.UTC
    override fun withZone(zone: java.time.ZoneId): Clock = this
    override fun instant(): Instant = now.also { now = now.plusSeconds(1) }
}
