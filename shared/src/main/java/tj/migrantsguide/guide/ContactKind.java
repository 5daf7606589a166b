package tj.migrantsguide.guide;

import java.util.Optional;

/** What sort of place or line a contact is; the contacts screen groups by it. */
public enum ContactKind {
    EMERGENCY("emergency"),
    HOTLINE("hotline"),
    EMBASSY("embassy"),
    CONSULATE("consulate"),
    MINISTRY_OFFICE("ministry-office"),
    CENTRE("centre"),
    MONEY_TRANSFER("money-transfer"),
    SERVICE("service");

    private final String code;

    ContactKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ContactKind> fromCode(String code) {
        for (ContactKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
