package tj.migrantsguide.app

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.util.concurrent.TimeUnit
import java.util.jar.Attributes
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import java.util.jar.Manifest
import javax.tools.ToolProvider
import kotlin.io.path.createDirectories
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/**
 * The README's start script (`packaging/start.sh`, copied by the build to `app/target/migrants-guide`), run by `sh`
 * on the JDK running this test, next to a small real jar made here (the app's own jar is packaged after these
 * tests): the build's step makes a class-data archive that the window's starts map; without one, the first window
 * start writes one; a newer jar is never started with the old archive; commands do not train. Whether a class came
 * from the archive is the JVM's own word (`-Xlog:class+load`: "source: shared objects file (top)" for the dynamic
 * archive).
 */
class StartScriptTest {
    @TempDir
    lateinit var folder: Path

    private val script: Path by lazy {
        val copy = folder.resolve("migrants-guide")
        Files.copy(Path.of("packaging", "start.sh"), copy)
        copy
    }

    @Test
    fun `the build's step makes the archive and the first window start maps it`() {
        makeJar()
        val step = run("--make-start-archive")
        assertEquals(0, step.status, step.output)
        assertEquals(1, archives().size, "${folder.listDirectoryEntries()}")
        assertTrue("start-up archive ${archives().single()}" in step.output, step.output)

        val window = run(javaOptions = "-Xlog:class+load=info")
        assertEquals(0, window.status, window.output)
        assertTrue(probeLoadedFrom(window.output).contains("shared objects file (top)"), probeLoadedFrom(window.output))
        assertTrue("no start-up archive" !in window.output, window.output)
    }

    @Test
    fun `a failed archive step leaves the build as it is and the window writes one instead`() {
        makeJar()
        val step = run("--make-start-archive", environment = mapOf("PROBE_FAIL_SCREENSHOT" to "yes"))
        assertEquals(0, step.status, step.output)
        assertTrue("no start-up archive" in step.output, step.output)
        assertEquals(emptyList(), archives())
        assertTrue(folder.listDirectoryEntries().none { it.name.contains(".jsa") }, "${folder.listDirectoryEntries()}")

        assertEquals(0, run().status)
        assertEquals(1, archives().size)
    }

    @Test
    fun `without the build's archive the first window start writes one and the next start maps it`() {
        makeJar()
        val first = run()
        assertEquals(0, first.status, first.output)
        assertTrue("probe started with []" in first.output, first.output)
        assertEquals(1, archives().size, "${folder.listDirectoryEntries()}")
        assertTrue(folder.listDirectoryEntries().none { it.name.contains(".jsa.") }, "a partial archive was left")

        val next = run(javaOptions = "-Xlog:class+load=info")
        assertEquals(0, next.status, next.output)
        assertTrue(probeLoadedFrom(next.output).contains("shared objects file (top)"), probeLoadedFrom(next.output))
    }

    @Test
    fun `a rebuilt jar is not started with the old archive, and its first window start makes a new one`() {
        makeJar()
        run()
        val old = archives().single()
        // A new build: the jar newer than the archive (times in the past, so that the next archive is newer still).
        val now = System.currentTimeMillis()
        Files.setLastModifiedTime(old, FileTime.fromMillis(now - 60_000))
        Files.setLastModifiedTime(folder.resolve("migrants-guide.jar"), FileTime.fromMillis(now - 30_000))

        val command = run("info", javaOptions = "-Xlog:class+load=info")
        assertEquals(0, command.status, command.output)
        assertTrue(probeLoadedFrom(command.output).contains("migrants-guide.jar"), probeLoadedFrom(command.output))

        val window = run()
        assertEquals(0, window.status, window.output)
        val made = archives().single()
        assertTrue(Files.getLastModifiedTime(made) > Files.getLastModifiedTime(folder.resolve("migrants-guide.jar")),
            "the archive was not made again: ${Files.getLastModifiedTime(made)} (old one ${Files.getLastModifiedTime(old)})")
        val mapped = run("--data", folder.resolve("data").toString(), javaOptions = "-Xlog:class+load=info")
        assertTrue(probeLoadedFrom(mapped.output).contains("shared objects file (top)"), probeLoadedFrom(mapped.output))
    }

    @Test
    fun `commands pass their arguments on and train no archive`() {
        makeJar()
        val result = run("search", "патент", "--lang", "ru")
        assertEquals(0, result.status, result.output)
        assertTrue("probe started with [search, патент, --lang, ru]" in result.output, result.output)
        assertEquals(emptyList(), archives())
    }

    @Test
    fun `the app's exit status comes back through the script`() {
        makeJar()
        assertEquals(3, run("exit3").status)
    }

    @Test
    fun `without the jar the script says how to build it and starts nothing`() {
        val result = run()
        assertEquals(1, result.status)
        assertTrue("mvn -B -q package -DskipTests" in result.output, result.output)
    }

    private data class Result(val status: Int, val output: String)

    private fun run(vararg args: String, javaOptions: String? = null, environment: Map<String, String> = emptyMap()): Result {
        val builder = ProcessBuilder(listOf("sh", script.toString()) + args).redirectErrorStream(true)
        builder.environment()["JAVA_HOME"] = System.getProperty("java.home")
        builder.environment().remove("JAVA_TOOL_OPTIONS")
        if (javaOptions != null) builder.environment()["JAVA_TOOL_OPTIONS"] = javaOptions
        builder.environment().putAll(environment)
        val process = builder.start()
        val output = process.inputStream.readAllBytes().toString(Charsets.UTF_8)
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the script did not end: $output")
        return Result(process.exitValue(), output)
    }

    private fun archives(): List<Path> = folder.listDirectoryEntries("migrants-guide-*.jsa")

    private fun probeLoadedFrom(output: String): String =
        output.lines().firstOrNull { it.contains(" Probe source:") } ?: "no class+load line for Probe in:\n$output"

    /**
     * `migrants-guide.jar` holding one class, `Probe`, compiled here: prints its arguments, `exit3` exits with 3, and
     * `screenshot` fails (exit 1) when `PROBE_FAIL_SCREENSHOT` is set, as a broken build's would.
     */
    private fun makeJar() {
        val sources = folder.resolve("src").createDirectories()
        val source = sources.resolve("Probe.java")
        Files.writeString(source, """
            public class Probe {
                public static void main(String[] args) {
                    System.out.println("probe started with " + java.util.Arrays.toString(args));
                    if (args.length == 1 && args[0].equals("exit3")) System.exit(3);
                    if (args.length > 0 && args[0].equals("screenshot") && System.getenv("PROBE_FAIL_SCREENSHOT") != null) System.exit(1);
                }
            }
        """.trimIndent())
        val compiler = ToolProvider.getSystemJavaCompiler()
        assertEquals(0, compiler.run(null, null, null, "-d", sources.toString(), source.toString()))
        val manifest = Manifest().apply {
            mainAttributes[Attributes.Name.MANIFEST_VERSION] = "1.0"
            mainAttributes[Attributes.Name.MAIN_CLASS] = "Probe"
        }
        JarOutputStream(Files.newOutputStream(folder.resolve("migrants-guide.jar")), manifest).use { jar ->
            jar.putNextEntry(JarEntry("Probe.class"))
            Files.copy(sources.resolve("Probe.class"), jar)
            jar.closeEntry()
        }
        // Made a minute ago, as by a build: an archive written now is newer even where `test -nt` counts whole seconds.
        Files.setLastModifiedTime(folder.resolve("migrants-guide.jar"), FileTime.fromMillis(System.currentTimeMillis() - 60_000))
    }
}
