package tj.migrantsguide.store;

/** Light or dark colours, or whatever the system uses. */
public enum Theme {
    SYSTEM,
    LIGHT,
    DARK
}
