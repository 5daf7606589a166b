package tj.migrantsguide.app.data

import java.io.PrintStream
import java.nio.file.Path
import java.time.Clock
import tj.migrantsguide.Guide
import tj.migrantsguide.feed.FeedFiles

/** The feed snapshot the build put inside the jar (see app/pom.xml): the content of the very first start. */
val embeddedSnapshot: FeedFiles = FeedFiles.classpath(Guide::class.java.classLoader, "embedded-feed")

/** Opens the guide in [dataDirectory], reporting a failure to [err] in words; null when it could not open. */
fun openGuide(dataDirectory: Path, clock: Clock, err: PrintStream): Guide? =
    try {
        SqliteLibrary.useKeptCopy(dataDirectory)
        Guide.open(dataDirectory, embeddedSnapshot, clock)
    } catch (e: Guide.SnapshotUnreadableException) {
        err.println("error: ${e.message}")
        null
    } catch (e: tj.migrantsguide.store.StoreException) {
        err.println("error: cannot open the guide's database in $dataDirectory: ${e.message}")
        null
    }
