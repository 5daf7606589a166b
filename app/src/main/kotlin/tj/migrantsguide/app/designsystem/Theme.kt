package tj.migrantsguide.app.designsystem

import androidx.compose.material3.ColorScheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Typography
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.Immutable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontStyle
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.platform.Font
import androidx.compose.ui.unit.Density
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme

/** Noto Sans from the jar: the same Tajik letters on every machine, whatever fonts it has. */
val GuideFont: FontFamily by lazy {
    fun load(file: String, weight: FontWeight, style: FontStyle = FontStyle.Normal) = Font(
        identity = file,
        data = GuideColors::class.java.classLoader.getResourceAsStream("fonts/$file")!!.use { it.readBytes() },
        weight = weight,
        style = style,
    )
    FontFamily(
        load("NotoSans-Regular.ttf", FontWeight.Normal),
        load("NotoSans-Bold.ttf", FontWeight.Bold),
        load("NotoSans-Italic.ttf", FontWeight.Normal, FontStyle.Italic),
    )
}

/** Colours Material's scheme has no slot for. */
@Immutable
data class GuideColors(
    /** The ring drawn around whatever has keyboard focus, and the thin halo inside it that keeps it visible on any colour. */
    val focus: Color,
    val focusHalo: Color,
    val emergency: Color,
    val onEmergency: Color,
    val warning: Color,
    val onWarning: Color,
    val link: Color,
    /** Card and field borders: thick in high contrast, where surfaces are not told apart by shade. */
    val border: Color,
    val borderWidth: Dp,
)

val LocalGuideColors = staticCompositionLocalOf<GuideColors> { error("GuideTheme provides the colours") }

private val Teal = Color(0xFF00695C)

private val LightScheme = lightColorScheme(
    primary = Teal,
    onPrimary = Color.White,
    primaryContainer = Color(0xFFB2DFDB),
    onPrimaryContainer = Color(0xFF00201C),
    secondary = Color(0xFF4A635F),
    secondaryContainer = Color(0xFFCCE8E2),
    onSecondaryContainer = Color(0xFF05201C),
    background = Color(0xFFF8FAF9),
    surface = Color(0xFFF8FAF9),
    surfaceVariant = Color(0xFFDAE5E1),
    onSurfaceVariant = Color(0xFF3F4947),
    surfaceContainer = Color(0xFFECF2F0),
    surfaceContainerHigh = Color(0xFFE4EBE9),
    outline = Color(0xFF6F7977),
    error = Color(0xFFB3261E),
    errorContainer = Color(0xFFFFDAD6),
    onErrorContainer = Color(0xFF410002),
)

private val LightExtras = GuideColors(
    focus = Color(0xFF0B57D0),
    focusHalo = Color.White,
    emergency = Color(0xFFB3261E),
    onEmergency = Color.White,
    warning = Color(0xFFFFE08A),
    onWarning = Color(0xFF3A2E00),
    link = Color(0xFF0B57D0),
    border = Color(0xFFBFC9C6),
    borderWidth = 1.dp,
)

private val DarkScheme = darkColorScheme(
    primary = Color(0xFF80CBC4),
    onPrimary = Color(0xFF003731),
    primaryContainer = Color(0xFF005048),
    onPrimaryContainer = Color(0xFFA1F2E8),
    secondary = Color(0xFFB1CCC6),
    secondaryContainer = Color(0xFF334B47),
    onSecondaryContainer = Color(0xFFCCE8E2),
    background = Color(0xFF101413),
    surface = Color(0xFF101413),
    surfaceVariant = Color(0xFF3F4947),
    onSurfaceVariant = Color(0xFFC4CCC9),
    surfaceContainer = Color(0xFF1C2120),
    surfaceContainerHigh = Color(0xFF262B2A),
    outline = Color(0xFF899391),
    error = Color(0xFFFFB4AB),
    errorContainer = Color(0xFF93000A),
    onErrorContainer = Color(0xFFFFDAD6),
)

private val DarkExtras = GuideColors(
    focus = Color(0xFF8AB4F8),
    focusHalo = Color.Black,
    emergency = Color(0xFFFFB4AB),
    onEmergency = Color(0xFF690005),
    warning = Color(0xFF574500),
    onWarning = Color(0xFFFFE08A),
    link = Color(0xFF8AB4F8),
    border = Color(0xFF3F4947),
    borderWidth = 1.dp,
)

/** Black, white and yellow only; every surface has a thick white border instead of a shade. */
private val HighContrastScheme = darkColorScheme(
    primary = Color(0xFFFFEB3B),
    onPrimary = Color.Black,
    primaryContainer = Color.Black,
    onPrimaryContainer = Color.White,
    secondary = Color(0xFFFFEB3B),
    onSecondary = Color.Black,
    secondaryContainer = Color.Black,
    onSecondaryContainer = Color.White,
    tertiary = Color(0xFFFFEB3B),
    background = Color.Black,
    onBackground = Color.White,
    surface = Color.Black,
    onSurface = Color.White,
    surfaceVariant = Color.Black,
    onSurfaceVariant = Color.White,
    surfaceContainer = Color.Black,
    surfaceContainerHigh = Color.Black,
    surfaceContainerHighest = Color.Black,
    surfaceContainerLow = Color.Black,
    surfaceContainerLowest = Color.Black,
    outline = Color.White,
    outlineVariant = Color.White,
    error = Color(0xFFFFEB3B),
    onError = Color.Black,
    errorContainer = Color.Black,
    onErrorContainer = Color.White,
)

private val HighContrastExtras = GuideColors(
    focus = Color(0xFFFFEB3B),
    focusHalo = Color.Black,
    emergency = Color(0xFFFFEB3B),
    onEmergency = Color.Black,
    warning = Color.Black,
    onWarning = Color(0xFFFFEB3B),
    link = Color(0xFFFFEB3B),
    border = Color.White,
    borderWidth = 3.dp,
)

private fun scheme(theme: Theme): Pair<ColorScheme, GuideColors> = when (theme) {
    Theme.LIGHT -> LightScheme to LightExtras
    Theme.DARK -> DarkScheme to DarkExtras
    Theme.HIGH_CONTRAST -> HighContrastScheme to HighContrastExtras
}

/**
 * Reading text: a little larger than Material's default and with generous line height, because many readers are
 * new to reading on a screen and the guide is shown on projectors.
 */
private fun guideTypography(family: FontFamily): Typography {
    val base = Typography()
    fun TextStyle.f() = copy(fontFamily = family)
    return base.copy(
        displayLarge = base.displayLarge.f(), displayMedium = base.displayMedium.f(), displaySmall = base.displaySmall.f(),
        headlineLarge = base.headlineLarge.f(), headlineMedium = base.headlineMedium.f(),
        headlineSmall = base.headlineSmall.f().copy(fontWeight = FontWeight.Bold),
        titleLarge = base.titleLarge.f().copy(fontWeight = FontWeight.Bold),
        titleMedium = base.titleMedium.f().copy(fontWeight = FontWeight.Bold, fontSize = 18.sp, lineHeight = 24.sp),
        titleSmall = base.titleSmall.f(),
        bodyLarge = base.bodyLarge.f().copy(lineHeight = 26.sp),
        bodyMedium = base.bodyMedium.f().copy(fontSize = 15.sp, lineHeight = 22.sp),
        bodySmall = base.bodySmall.f(),
        labelLarge = base.labelLarge.f().copy(fontSize = 15.sp),
        labelMedium = base.labelMedium.f(), labelSmall = base.labelSmall.f(),
    )
}

/**
 * The guide's look: [theme] colours, bundled font, the reader's [textSize] (through the density's font scale, so
 * every `sp` grows and `dp` layouts stay), and the strings of [language].
 */
@Composable
fun GuideTheme(
    theme: Theme = Theme.LIGHT,
    textSize: TextSize = TextSize.NORMAL,
    language: Language = Language.TAJIK,
    content: @Composable () -> Unit,
) = GuideTheme(theme, textSize.scale(), language, content)

/** As above with any text scale (the screenshot command's `--font-scale`). */
@Composable
fun GuideTheme(theme: Theme, fontScale: Float, language: Language, content: @Composable () -> Unit) {
    val (colors, extras) = scheme(theme)
    val density = LocalDensity.current
    CompositionLocalProvider(
        LocalDensity provides Density(density.density, fontScale),
        LocalGuideColors provides extras,
        LocalStrings provides Strings.of(language),
    ) {
        MaterialTheme(colorScheme = colors, typography = guideTypography(GuideFont), content = content)
    }
}
