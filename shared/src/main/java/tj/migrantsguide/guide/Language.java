package tj.migrantsguide.guide;

import java.util.Locale;
import java.util.Optional;

/** The three languages every piece of content is written in. */
public enum Language {
    TAJIK("tg"),
    RUSSIAN("ru"),
    ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1 code, as used in file names, the feed and the database. */
    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
