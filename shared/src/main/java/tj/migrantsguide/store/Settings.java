package tj.migrantsguide.store;

import java.util.Optional;
import tj.migrantsguide.guide.Language;

/**
 * The person's choices, kept in user.db as key/value text. Typed accessors for what the app knows; a value that
 * cannot be read (written by another version) reads as "not set" rather than failing.
 */
public final class Settings {
    static final String LANGUAGE = "language";
    static final String COUNTRY = "country";
    /** The text size in percent; {@code text-size} (an enum name) is what the first versions wrote. */
    public static final String TEXT_SIZE_PERCENT = "text-size-percent";
    static final String LEGACY_TEXT_SIZE = "text-size";
    static final String THEME = "theme";
    static final String WINDOW = "window";

    private final UserData userData;

    Settings(UserData userData) {
        this.userData = userData;
    }

    public Optional<Language> language() {
        return get(LANGUAGE).flatMap(Language::fromCode);
    }

    public void setLanguage(Language language) {
        put(LANGUAGE, language.code());
    }

    /** The country the person is in or going to (ISO code, "RU"). */
    public Optional<String> country() {
        return get(COUNTRY).filter(code -> code.matches("[A-Z]{2}"));
    }

    public void setCountry(String countryCode) {
        if (!countryCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country code " + countryCode);
        }
        put(COUNTRY, countryCode);
    }

    public TextSize textSize() {
        Optional<TextSize> size = get(TEXT_SIZE_PERCENT).flatMap(v -> {
            try {
                return TextSize.fromPercent(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        return size.or(() -> get(LEGACY_TEXT_SIZE).flatMap(v -> parse(TextSize.class, v))).orElse(TextSize.NORMAL);
    }

    public void setTextSize(TextSize size) {
        put(TEXT_SIZE_PERCENT, Integer.toString(size.percent()));
    }

    public Theme theme() {
        return get(THEME).flatMap(v -> parse(Theme.class, v)).orElse(Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        put(THEME, theme.name());
    }

    public Optional<WindowBounds> windowBounds() {
        return get(WINDOW).flatMap(value -> {
            String[] parts = value.split(",");
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new WindowBounds(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public void setWindowBounds(WindowBounds bounds) {
        put(WINDOW, bounds.x() + "," + bounds.y() + "," + bounds.width() + "," + bounds.height());
    }

    /** Any other setting, by key. */
    public Optional<String> get(String key) {
        return userData.setting(key);
    }

    public void put(String key, String value) {
        userData.putSetting(key, value);
    }

    public void remove(String key) {
        userData.removeSetting(key);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
