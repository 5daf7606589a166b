package tj.migrantsguide.guide;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A place or line a migrant can turn to, in one language.
 *
 * <p>An empty {@code phones} list means no number could be verified from an official source; {@code note}
 * then says where to ask instead. The app never shows a number that is not in {@code phones}.
 *
 * @param languagesSpoken languages the line or office answers in, as written by the editor ("tg, ru"); may be empty
 * @param website the official page of the place, where people can check for themselves; may be empty
 * @param verified the day an editor last checked the entry; empty when unknown (the app marks it)
 * @param emergency whether the number belongs on the always-visible emergency card
 */
public record Contact(
        String id,
        String countryCode,
        ContactKind kind,
        Language language,
        String name,
        List<Phone> phones,
        String address,
        String hours,
        String languagesSpoken,
        String email,
        String website,
        String note,
        List<String> sources,
        Optional<LocalDate> verified,
        boolean emergency,
        int sortOrder) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        phones = List.copyOf(phones);
        address = Objects.requireNonNullElse(address, "");
        hours = Objects.requireNonNullElse(hours, "");
        languagesSpoken = Objects.requireNonNullElse(languagesSpoken, "");
        email = Objects.requireNonNullElse(email, "");
        website = Objects.requireNonNullElse(website, "");
        note = Objects.requireNonNullElse(note, "");
        sources = List.copyOf(sources);
        Objects.requireNonNull(verified, "verified");
    }

    /** True when at least one number was read on an official source and has a check date. */
    public boolean hasVerifiedNumber() {
        return !phones.isEmpty() && verified.isPresent();
    }
}
