package tj.migrantsguide.app.data

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import org.junit.jupiter.api.io.TempDir
import org.sqlite.util.LibraryLoaderUtil

/**
 * The kept copy of SQLite's library (the driver's own way writes a new one to the temporary folder at every start).
 * The driver itself is loaded once per JVM, long before these run, so these check the copy, not its loading; the
 * start-up benchmark's window starts load it (docs/performance.md).
 */
class SqliteLibraryTest {
    @TempDir
    lateinit var temp: Path

    private val resource = LibraryLoaderUtil.getNativeLibResourcePath().trimEnd('/') + "/" + LibraryLoaderUtil.getNativeLibName()
    private val inTheJar: ByteArray = SqliteLibrary::class.java.getResourceAsStream(resource)!!.use { it.readAllBytes() }

    @Test
    fun `the first start keeps a copy of the library in the data folder and later starts use it as it is`() {
        val kept = assertNotNull(SqliteLibrary.keptCopy(temp.resolve("data")))

        assertEquals(temp.resolve("data").resolve(SqliteLibrary.FOLDER), kept.parent)
        assertContentEquals(inTheJar, Files.readAllBytes(kept))
        val earlier = FileTime.fromMillis(1_000_000_000_000)
        Files.setLastModifiedTime(kept, earlier)
        assertEquals(kept, SqliteLibrary.keptCopy(temp.resolve("data")))
        assertEquals(earlier, Files.getLastModifiedTime(kept), "an intact copy is not written again")
        Files.list(kept.parent).use {
            assertEquals(setOf(kept.fileName.toString(), "library-in-jar.txt"), it.map { f -> f.fileName.toString() }.toList().toSet(),
                "nothing half-written is left beside it")
        }
    }

    @Test
    fun `the library's place in the jar is remembered for this machine only`() {
        val kept = assertNotNull(SqliteLibrary.keptCopy(temp))
        val remembered = kept.resolveSibling("library-in-jar.txt")
        val thisMachine = System.getProperty("os.name") + " " + System.getProperty("os.arch")
        assertEquals(listOf(thisMachine, resource), Files.readAllLines(remembered))

        // Moved to another machine (a data folder on a stick): the place is asked for again, not trusted.
        Files.write(remembered, listOf("Other OS sparc", "/org/sqlite/native/Other/sparc/libsqlitejdbc.so"))
        assertEquals(kept, SqliteLibrary.keptCopy(temp))
        assertEquals(listOf(thisMachine, resource), Files.readAllLines(remembered))
        // A place the jar does not have (an older driver's) is asked for again too.
        Files.write(remembered, listOf(thisMachine, "/org/sqlite/native/Linux/gone/libsqlitejdbc.so"))
        assertEquals(kept, SqliteLibrary.keptCopy(temp))
        assertEquals(listOf(thisMachine, resource), Files.readAllLines(remembered))
    }

    @Test
    fun `a damaged or cut copy is written again before the driver is pointed at it`() {
        val kept = assertNotNull(SqliteLibrary.keptCopy(temp))
        val flipped = inTheJar.copyOf().also { it[it.size / 2] = (it[it.size / 2] + 1).toByte() }
        for (damaged in listOf(flipped, inTheJar.copyOf(inTheJar.size / 3), ByteArray(0))) {
            Files.write(kept, damaged)
            assertEquals(kept, SqliteLibrary.keptCopy(temp))
            assertContentEquals(inTheJar, Files.readAllBytes(kept))
        }
    }

    @Test
    fun `a data folder that cannot hold the copy leaves the driver to copy as before`() {
        val notAFolder = Files.writeString(temp.resolve("file"), "x")
        val before = System.getProperty("org.sqlite.lib.path")

        assertNull(SqliteLibrary.useKeptCopy(notAFolder.resolve("data")))
        assertEquals(before, System.getProperty("org.sqlite.lib.path"))
    }
}
