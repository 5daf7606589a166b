package tj.migrantsguide.app.designsystem

import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.SolidColor
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.graphics.vector.addPathNodes
import androidx.compose.ui.unit.dp

/** The few icons Material's core set lacks, drawn from the same 24 × 24 grid. */
object GuideIcons {
    val Copy: ImageVector by lazy {
        icon(
            "Copy",
            "M16,1H4C2.9,1 2,1.9 2,3v14h2V3h12V1z" +
                "M19,5H8C6.9,5 6,5.9 6,7v14c0,1.1 0.9,2 2,2h11c1.1,0 2,-0.9 2,-2V7C21,5.9 20.1,5 19,5z" +
                "M19,21H8V7h11V21z",
        )
    }

    val Bookmark: ImageVector by lazy { icon("Bookmark", "M17,3H7C5.9,3 5,3.9 5,5v16l7,-3l7,3V5C19,3.9 18.1,3 17,3z") }

    val BookmarkBorder: ImageVector by lazy {
        icon("BookmarkBorder", "M17,3H7C5.9,3 5,3.9 5,5v16l7,-3l7,3V5C19,3.9 18.1,3 17,3z" + "M17,18l-5,-2.18L7,18V5h10V18z")
    }

    private fun icon(name: String, path: String): ImageVector =
        ImageVector.Builder(name, 24.dp, 24.dp, 24f, 24f)
            .addPath(addPathNodes(path), fill = SolidColor(Color.Black), pathFillType = androidx.compose.ui.graphics.PathFillType.EvenOdd)
            .build()
}
