package tj.migrantsguide.store;

import java.util.Optional;

/**
 * The app's colours: light, dark, or high contrast (black, white, yellow) for poor eyesight and projectors. There is
 * no "as the system": Linux tells apps nothing about a system dark mode.
 */
public enum Theme {
    LIGHT("light"),
    DARK("dark"),
    HIGH_CONTRAST("high-contrast");

    private final String code;

    Theme(String code) {
        this.code = code;
    }

    /** As typed on the command line ({@code --theme high-contrast}). */
    public String code() {
        return code;
    }

    public static Optional<Theme> fromCode(String code) {
        for (Theme theme : values()) {
            if (theme.code.equals(code)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
