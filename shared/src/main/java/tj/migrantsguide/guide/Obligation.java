package tj.migrantsguide.guide;

import java.util.Optional;

/** What a {@link DateRule} obliges a migrant to do by its deadline. */
public enum Obligation {
    /** Register the stay (migration registration) with the authorities. */
    REGISTER_STAY("register-stay"),
    /** Apply for a work permit or patent. */
    APPLY_WORK_PERMIT("apply-work-permit"),
    /** Pay the patent for the next period. */
    PAY_PATENT("pay-patent"),
    /** Leave the country before the stay limit. */
    LEAVE("leave"),
    /** Renew the passport. */
    RENEW_PASSPORT("renew-passport");

    private final String code;

    Obligation(String code) {
        this.code = code;
    }

    /** As written in the editorial sources ({@code obliges: register-stay}), the feed and the database. */
    public String code() {
        return code;
    }

    public static Optional<Obligation> fromCode(String code) {
        for (Obligation obligation : values()) {
            if (obligation.code.equals(code)) {
                return Optional.of(obligation);
            }
        }
        return Optional.empty();
    }
}
