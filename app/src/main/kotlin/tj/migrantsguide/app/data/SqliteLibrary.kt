package tj.migrantsguide.app.data

import java.io.IOException
import java.net.JarURLConnection
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.zip.CRC32
import org.sqlite.util.LibraryLoaderUtil

/**
 * SQLite's native library, kept in the data folder instead of copied out of the jar at every start.
 *
 * sqlite-jdbc, left to itself, writes a new copy of its library (1.1 MB) to the temporary folder on every start,
 * reads it back to compare, and lists that folder to remove old copies: ~200 ms of a cold start on 2 cores, on the
 * thread the window waits for (docs/performance.md, "Start-up: less work before the first frame"). The driver first
 * loads from `org.sqlite.lib.path`/`org.sqlite.lib.name` when they name a file, so the guide keeps one copy in
 * `DATA/native/`, named after the library's CRC-32 and size in the jar (a new driver version is a new name), checks
 * the copy against that CRC at each start (a damaged copy is written again) and points the driver at it, and its
 * clean-up of old copies at that folder instead of the whole temporary folder.
 *
 * Any problem (a read-only or full folder, classes not in a jar, properties already set) leaves the driver to do as
 * it always does: the guide then starts as before, only slower.
 */
object SqliteLibrary {
    const val FOLDER = "native"
    private const val PATH_PROPERTY = "org.sqlite.lib.path"
    private const val NAME_PROPERTY = "org.sqlite.lib.name"

    /** The driver lists this folder at every start to delete its old copies: the whole /tmp, by default. */
    private const val TEMP_PROPERTY = "org.sqlite.tmpdir"

    /** Points the driver at the kept copy (made first if needed); the copy's path, or null when the driver copies as before. */
    fun useKeptCopy(dataDirectory: Path): Path? {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) return null
        return try {
            val kept = keptCopy(dataDirectory) ?: return null
            System.setProperty(PATH_PROPERTY, kept.parent.toString())
            System.setProperty(NAME_PROPERTY, kept.fileName.toString())
            if (System.getProperty(TEMP_PROPERTY) == null) System.setProperty(TEMP_PROPERTY, kept.parent.toString())
            kept
        } catch (e: IOException) {
            System.err.println("SQLite's library is copied out of the jar for this start: ${e.message}")
            null
        }
    }

    /** The kept copy, made or made again when missing or damaged; null when the library is not read from a jar. */
    internal fun keptCopy(dataDirectory: Path): Path? {
        val folder = dataDirectory.resolve(FOLDER)
        // Where in the jar this machine's library is: remembered from the first start, because asking the driver
        // (OSInfo) starts a process (`uname`) to tell Android from Linux, ~50 ms.
        val remembered = rememberedResource(folder)
        val resource = remembered?.takeIf { SqliteLibrary::class.java.getResource(it) != null } ?: resourceForThisMachine()
        val url = SqliteLibrary::class.java.getResource(resource) ?: return null
        val entry = (url.openConnection() as? JarURLConnection)?.jarEntry ?: return null
        if (entry.crc < 0 || entry.size < 0) return null
        val kept = folder.resolve("%08x-%d-%s".format(entry.crc, entry.size, LibraryLoaderUtil.getNativeLibName()))
        val intact = Files.isRegularFile(kept) && Files.size(kept) == entry.size && crcOf(Files.readAllBytes(kept)) == entry.crc
        if (!intact) {
            Files.createDirectories(folder)
            val bytes = url.openStream().use { it.readAllBytes() }
            if (bytes.size.toLong() != entry.size || crcOf(bytes) != entry.crc) {
                throw IOException("the library read from the jar does not match its CRC")
            }
            writeInPlace(kept, bytes)
        }
        if (remembered != resource) writeInPlace(folder.resolve(SOURCE_FILE), "${thisMachine()}\n$resource\n".toByteArray())
        return kept
    }

    private const val SOURCE_FILE = "library-in-jar.txt"

    private fun resourceForThisMachine(): String =
        LibraryLoaderUtil.getNativeLibResourcePath().trimEnd('/') + "/" + LibraryLoaderUtil.getNativeLibName()

    /** A data folder on a stick may move between machines: the remembered place counts for the same system only. */
    private fun thisMachine(): String = System.getProperty("os.name") + " " + System.getProperty("os.arch")

    private fun rememberedResource(folder: Path): String? = try {
        Files.readAllLines(folder.resolve(SOURCE_FILE)).takeIf { it.size >= 2 && it[0] == thisMachine() }?.get(1)
    } catch (e: IOException) {
        null
    }

    /** Written beside it and moved into place: a start killed half-way leaves nothing half-written under [file]'s name. */
    private fun writeInPlace(file: Path, bytes: ByteArray) {
        val partial = Files.createTempFile(file.parent, "partial-", ".tmp")
        try {
            Files.write(partial, bytes)
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
        } finally {
            Files.deleteIfExists(partial)
        }
    }

    private fun crcOf(bytes: ByteArray): Long = CRC32().apply { update(bytes) }.value
}
