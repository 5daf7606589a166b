package tj.migrantsguide.questions;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contact of the guide a "this number does not work" report is about, by its country and id as in the content
 * ({@code content/guide/RU/*.txt}: {@code === contact trafficking-hotline-227-ru}), so that editors can group the
 * reports and fix the item in the next feed. On the wire: {@code contact/RU/trafficking-hotline-227-ru}, the form
 * of the app's item references, with the kind in front so that other kinds can be added later.
 */
public record ReportedContact(String country, String id) {
    static final String KIND = "contact";
    private static final Pattern CODE = Pattern.compile(
            KIND + "/([A-Z]{2})/([a-z0-9][a-z0-9-]{0," + (QuestionLimits.ITEM_ID_MAX - 1) + "})");

    public ReportedContact {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(id, "id");
        if (!CODE.matcher(KIND + "/" + country + "/" + id).matches()) {
            throw new IllegalArgumentException("not a contact of the guide: " + country + "/" + id);
        }
    }

    /** {@code contact/RU/trafficking-hotline-227-ru}. */
    public String code() {
        return KIND + "/" + country + "/" + id;
    }

    /** Reads {@link #code()}'s form exactly (no spaces, no lower-case country); empty for anything else. */
    public static Optional<ReportedContact> parse(String code) {
        Matcher m = CODE.matcher(code);
        return m.matches() ? Optional.of(new ReportedContact(m.group(1), m.group(2))) : Optional.empty();
    }
}
