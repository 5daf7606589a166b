package tj.migrantsguide.content.source;

/**
 * One {@code phone: DIAL | DISPLAY} line, split once by the loader.
 *
 * @param dial as dialled: E.164, a short code, or {@link SourceLoader#UNKNOWN_DIAL} (not checked here: the linter
 *     checks its form)
 * @param display as printed
 */
public record PhoneLine(String dial, String display, int line) {
    public boolean dialUnknown() {
        return dial.equals(SourceLoader.UNKNOWN_DIAL);
    }
}
