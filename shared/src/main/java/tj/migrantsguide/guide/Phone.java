package tj.migrantsguide.guide;

import java.util.Objects;

/**
 * A phone number as printed for people ({@code display}, e.g. {@code 227-07-07-07}) and as dialled ({@code dial}:
 * E.164 such as {@code +74959679844}, or a short code such as {@code 112}).
 *
 * <p>{@code dial} is empty when the source prints a number whose international form could not be established
 * (we never guess a country or area code): the app then offers to copy the number but not to call it.
 */
public record Phone(String dial, String display) {
    public Phone {
        Objects.requireNonNull(dial, "dial");
        Objects.requireNonNull(display, "display");
    }

    public boolean canDial() {
        return !dial.isEmpty();
    }

    /** Only the digits, for matching whatever spacing a person types. */
    public String digits() {
        return (canDial() ? dial : display).replaceAll("[^0-9]", "");
    }
}
