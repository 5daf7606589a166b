package tj.migrantsguide.app.feature.home

import kotlin.io.path.createTempDirectory
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.testClock
import tj.migrantsguide.dates.Destinations
import tj.migrantsguide.dates.MyDates
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language

/** The home screen's next deadline, from the built-in content's rules and a person's entry day. */
class DeadlineCardStateTest {
    @Test
    fun `the next deadline is on the home state with its days left and its article, overdue once past`() {
        openEmbeddedGuide(createTempDirectory("home-dates")).use { guide ->
            val content = StoreGuideContent(guide.store())
            assertNull(loadHomeState(content, "RU", Language.ENGLISH, SyncState(), testClock).deadline)

            val today = Destinations.today("RU", testClock)
            MyDates(guide.store(), testClock).set(1, "RU", DateEvent.ENTRY, today.minusDays(11).toString())
            val next = loadHomeState(content, "RU", Language.ENGLISH, SyncState(), testClock).deadline!!
            assertEquals("Register your stay", next.title)
            assertEquals(4, next.daysLeft)
            assertEquals(today.plusDays(4), next.due)
            assertEquals(ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days"), next.article)

            MyDates(guide.store(), testClock).set(1, "RU", DateEvent.ENTRY, today.minusDays(20).toString())
            assertTrue(loadHomeState(content, "RU", Language.TAJIK, SyncState(), testClock).deadline!!.overdue)
        }
    }
}
