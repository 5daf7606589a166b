package tj.migrantsguide.text;

import java.util.regex.Pattern;

/**
 * Link markup in content text: {@code [[id]]} or {@code [[CC/id]]} (content/SPEC.md, "Links"). Places that show
 * text but cannot follow a link (search snippets) leave it out, and the search index never holds the ids' words.
 */
public final class Links {
    /** A link with the white space before it (the same rule as the app's ArticleText.withoutLinks). */
    private static final Pattern LINK = Pattern.compile("\\s*\\[\\[(?:[A-Z]{2}/)?[^\\[\\]\\s/]+]]");

    private Links() {}

    /** {@code text} without its links. */
    public static String strip(String text) {
        return text.indexOf("[[") < 0 ? text : LINK.matcher(text).replaceAll("");
    }
}
