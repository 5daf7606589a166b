package tj.migrantsguide.guide;

import java.util.Optional;

/** The three moments of a migration, the main path through the guide. */
public enum Stage {
    BEFORE_DEPARTURE("before"),
    ABROAD("abroad"),
    RETURN("return");

    private final String code;

    Stage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Stage> fromCode(String code) {
        for (Stage stage : values()) {
            if (stage.code.equals(code)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
