package tj.migrantsguide.store;

import java.util.Objects;

/**
 * Someone who uses this device: a phone is often shared in a family or a dormitory, so checklist ticks belong to a
 * person. There is always at least one; the first is the device's owner, whose name may be empty (shown as "me").
 */
public record Person(long id, String name) {
    public Person {
        Objects.requireNonNull(name, "name");
    }

    public boolean hasName() {
        return !name.isBlank();
    }
}
