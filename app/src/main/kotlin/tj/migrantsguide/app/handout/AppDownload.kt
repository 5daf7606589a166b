package tj.migrantsguide.app.handout

import java.util.Properties

/** Where people get the app, as the build put it in (`app-download.properties`, property `app.download.url`). */
object AppDownload {
    private const val SETTINGS = "app-download.properties"

    /** The address for QR codes and links; null when this build was made without one. */
    val url: String? by lazy {
        AppDownload::class.java.classLoader.getResourceAsStream(SETTINGS)?.use { stream ->
            Properties().apply { load(stream.reader(Charsets.UTF_8)) }.getProperty("url")
                ?.trim()?.takeIf { it.isNotEmpty() && !it.startsWith("\${") }
        }
    }
}
