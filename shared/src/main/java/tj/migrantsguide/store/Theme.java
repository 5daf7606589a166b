package tj.migrantsguide.store;

/** Light or dark colours, or whatever the system uses; high contrast (black, white, yellow) for poor eyesight and projectors. */
public enum Theme {
    SYSTEM,
    LIGHT,
    DARK,
    HIGH_CONTRAST
}
