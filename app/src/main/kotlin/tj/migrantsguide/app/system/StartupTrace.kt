package tj.migrantsguide.app.system

import java.time.Clock

/**
 * `-Dmigrantsguide.startupTrace=true` prints, to stderr, how long after the JVM started each step of the start-up
 * was reached: where the seconds before the first frame go. Off by default; costs nothing then.
 */
object StartupTrace {
    private val enabled = System.getProperty("migrantsguide.startupTrace") == "true"
    private val jvmStart by lazy { java.lang.management.ManagementFactory.getRuntimeMXBean().startTime }

    fun mark(step: String) {
        if (enabled) System.err.println("startup: %6d ms  %s".format(Clock.systemUTC().millis() - jvmStart, step))
    }
}
