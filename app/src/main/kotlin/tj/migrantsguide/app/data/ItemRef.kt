package tj.migrantsguide.app.data

/** What sort of thing in the guide an [ItemRef] points at. */
enum class ItemKind(val code: String) {
    ARTICLE("article"),
    CONTACT("contact"),
    CHECKLIST("checklist");

    companion object {
        fun fromCode(code: String): ItemKind? = entries.firstOrNull { it.code == code }
    }
}

/**
 * One article, contact or checklist of one country, in any language: what links, bookmarks, recent items and
 * search hits point at. Ids are stable across languages and updates (content/SPEC.md).
 */
data class ItemRef(val kind: ItemKind, val country: String, val id: String) {
    /** `article/RU/registration-15-days`: the form kept in files. */
    fun code(): String = "${kind.code}/$country/$id"

    companion object {
        fun parse(code: String): ItemRef? {
            val parts = code.split('/')
            if (parts.size != 3 || parts.any { it.isBlank() }) return null
            val kind = ItemKind.fromCode(parts[0]) ?: return null
            return ItemRef(kind, parts[1], parts[2])
        }
    }
}
