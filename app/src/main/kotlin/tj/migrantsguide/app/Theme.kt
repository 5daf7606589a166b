package tj.migrantsguide.app

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Typography
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontStyle
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.platform.Font

/** Noto Sans from the jar: the same Tajik letters on every machine, whatever fonts it has. */
val GuideFont: FontFamily by lazy {
    fun load(file: String, weight: FontWeight, style: FontStyle = FontStyle.Normal) = Font(
        identity = file,
        data = GuideTheme::class.java.classLoader.getResourceAsStream("fonts/$file")!!.use { it.readBytes() },
        weight = weight,
        style = style,
    )
    FontFamily(
        load("NotoSans-Regular.ttf", FontWeight.Normal),
        load("NotoSans-Bold.ttf", FontWeight.Bold),
        load("NotoSans-Italic.ttf", FontWeight.Normal, FontStyle.Italic),
    )
}

private val LightColors = lightColorScheme(
    primary = Color(0xFF00695C),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFB2DFDB),
    onPrimaryContainer = Color(0xFF00201C),
    secondary = Color(0xFF8D4E00),
    errorContainer = Color(0xFFFFDAD6),
    onErrorContainer = Color(0xFF410002),
)

private fun Typography.withFont(family: FontFamily): Typography {
    fun TextStyle.f() = copy(fontFamily = family)
    return copy(
        displayLarge = displayLarge.f(), displayMedium = displayMedium.f(), displaySmall = displaySmall.f(),
        headlineLarge = headlineLarge.f(), headlineMedium = headlineMedium.f(), headlineSmall = headlineSmall.f(),
        titleLarge = titleLarge.f(), titleMedium = titleMedium.f(), titleSmall = titleSmall.f(),
        bodyLarge = bodyLarge.f(), bodyMedium = bodyMedium.f(), bodySmall = bodySmall.f(),
        labelLarge = labelLarge.f(), labelMedium = labelMedium.f(), labelSmall = labelSmall.f(),
    )
}

object GuideTheme

@Composable
fun GuideTheme(content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = LightColors, typography = Typography().withFont(GuideFont), content = content)
}
