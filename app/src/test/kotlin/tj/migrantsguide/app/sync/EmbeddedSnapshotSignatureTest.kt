package tj.migrantsguide.app.sync

import kotlin.test.Test
import kotlin.test.assertIs
import tj.migrantsguide.app.data.embeddedSnapshot
import tj.migrantsguide.feed.IndexEnvelope
import tj.migrantsguide.feed.TrustedKeys

class EmbeddedSnapshotSignatureTest {
    @Test
    fun `the snapshot built into the app is signed by a key the app pins`() {
        val bytes = embeddedSnapshot.open("index.json").use { it.readAllBytes() }
        assertIs<TrustedKeys.Verification.Verified>(AppFeed.pinnedKeys.verify(IndexEnvelope.parse("index.json", bytes)))
    }
}
