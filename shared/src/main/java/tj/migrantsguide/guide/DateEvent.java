package tj.migrantsguide.guide;

import java.util.Optional;

/** The day a person enters once and a {@link DateRule} counts from. */
public enum DateEvent {
    /** Entry into the destination country. */
    ENTRY("entry"),
    /** The day the stay was registered. */
    REGISTRATION("registration"),
    /** The day the work permit or patent was issued. */
    PATENT_ISSUED("patent-issued"),
    /** The first day of the last period (month) paid for. */
    LAST_PAID("last-paid"),
    /** The day the passport expires. */
    PASSPORT_EXPIRY("passport-expiry");

    private final String code;

    DateEvent(String code) {
        this.code = code;
    }

    /** As written in the editorial sources ({@code counts-from: entry}), the feed and the databases. */
    public String code() {
        return code;
    }

    public static Optional<DateEvent> fromCode(String code) {
        for (DateEvent event : values()) {
            if (event.code.equals(code)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
