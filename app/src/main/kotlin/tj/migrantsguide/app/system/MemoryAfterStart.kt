package tj.migrantsguide.app.system

import com.sun.management.HotSpotDiagnosticMXBean
import java.lang.management.ManagementFactory

/**
 * Gives back the memory the start-up needed and the screens do not (issue 19: resident memory ≤ a bare window's
 * + 60 MiB). Opening the guide, the first import and the first composition grow the Java heap to ~80 MiB committed,
 * of which less than half stays live; G1 keeps the rest (and its own structures for it) for as long as nothing
 * makes it collect, which on an idle guide is forever. The guide often runs on a shared laptop with little memory.
 *
 * A JVM option cannot come from the jar's manifest, and the README's `java -jar` must stay as it is, so the app sets
 * the three *manageable* HotSpot flags that decide this itself, once its first frame is drawn:
 * - `MaxHeapFreeRatio` 20 / `MinHeapFreeRatio` 5: after a marking cycle G1 shrinks the heap to at most 20 % free
 *   (the default, 70 %, keeps more than twice the live data committed; 30 % left ~3 MiB more). G1 still grows the
 *   heap when collections take more than their share of the time (GCTimeRatio), so a busy search gets its room;
 * - `G1PeriodicGCInterval`: an idle JVM starts a *concurrent* cycle (no full stop of the window) after that long
 *   without a collection, and uncommits at its remark. A quarter second for the first ten seconds after the first
 *   frame gives the start-up's garbage back while the person reads the home screen (1 s often came after 3 s);
 *   then once a minute, so that an idle guide never spins.
 *
 * Measured (2 cores, load 2–3, `java -jar` on a prepared folder, RSS 3 s after the first frame): default 213–233
 * MiB; 30 %/10 %: 175–185 MiB; 20 %/5 %: 179 MiB (heap 32 MiB committed, ~19 live); the bare window 120 MiB. What is
 * left over the bare window is mostly class metadata (Metaspace 39 against 19 MiB: 8,400 classes).
 * Where the flags cannot be set (a runtime without `jdk.management`, another collector), nothing changes.
 */
object MemoryAfterStart {
    private const val SETTLE_INTERVAL_MS = 250L
    private const val IDLE_INTERVAL_MS = 60_000L
    private const val SETTLE_MS = 10_000L

    private val settled = java.util.concurrent.atomic.AtomicBoolean(false)

    /** After the window's first frame with content; only the first call counts. Returns at once. */
    fun settle() {
        if (!settled.compareAndSet(false, true)) return
        val diagnostics = try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean::class.java)
        } catch (e: LinkageError) {
            return
        } ?: return
        if (!set(diagnostics, "MinHeapFreeRatio", "5") || !set(diagnostics, "MaxHeapFreeRatio", "20")) return
        if (!set(diagnostics, "G1PeriodicGCInterval", SETTLE_INTERVAL_MS.toString())) return
        val calm = Thread({
            try {
                // Long enough for one idle second to pass even on a busy machine; the cycle then has run.
                Thread.sleep(SETTLE_MS)
            } catch (e: InterruptedException) {
                Thread.currentThread().interrupt()
            }
            set(diagnostics, "G1PeriodicGCInterval", IDLE_INTERVAL_MS.toString())
        }, "memory-after-start")
        calm.isDaemon = true
        calm.start()
    }

    private fun set(diagnostics: HotSpotDiagnosticMXBean, flag: String, value: String): Boolean = try {
        diagnostics.setVMOption(flag, value)
        true
    } catch (e: IllegalArgumentException) {
        // Not a flag of this JVM, or not writable here (e.g. not G1): leave the defaults.
        false
    } catch (e: SecurityException) {
        false
    }
}
