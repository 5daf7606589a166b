package tj.migrantsguide.guide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a contact without a number that can be called, the nearest contact that has one: the button "Call the
 * Ministry office instead" (issue 22). Nearest means, in this order: a contact its note links to (the editors' own
 * "ask there instead"), then one those link to; then the Ministry's office in the same country. Nothing when none
 * of them has a callable number: the guide then has no verified number to offer, and the note says where to ask.
 */
public final class CallInstead {
    private static final Pattern LINK = Pattern.compile("\\[\\[(?:([A-Z]{2})/)?([a-z0-9][a-z0-9-]*)]]");
    /** Links followed from the contact: its own, and those of the contacts they name. */
    static final int LINK_STEPS = 2;

    private CallInstead() {}

    /**
     * @param contacts the guide's contacts in the contact's language, by {@code "CC/id"} ({@link #key})
     */
    public static Optional<Contact> nearest(Contact contact, Map<String, Contact> contacts) {
        if (callable(contact)) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>(Set.of(key(contact)));
        Deque<Contact> step = new ArrayDeque<>(List.of(contact));
        for (int depth = 0; depth < LINK_STEPS && !step.isEmpty(); depth++) {
            Deque<Contact> next = new ArrayDeque<>();
            for (Contact from : step) {
                for (String target : links(from)) {
                    Contact linked = contacts.get(target);
                    if (linked == null || !seen.add(target)) {
                        continue;
                    }
                    if (callable(linked)) {
                        return Optional.of(linked);
                    }
                    next.add(linked);
                }
            }
            step = next;
        }
        return contacts.values().stream()
                .filter(c -> c.countryCode().equals(contact.countryCode()) && c.kind() == ContactKind.MINISTRY_OFFICE)
                .filter(CallInstead::callable)
                .findFirst();
    }

    /** The key of {@link #nearest}'s map: {@code RU/ministry-office-russia}. */
    public static String key(Contact contact) {
        return contact.countryCode() + "/" + contact.id();
    }

    private static boolean callable(Contact contact) {
        return contact.phones().stream().anyMatch(Phone::canDial);
    }

    /** The contacts a note links to, as keys, in the order written. */
    private static List<String> links(Contact contact) {
        List<String> keys = new ArrayList<>();
        Matcher m = LINK.matcher(contact.note());
        while (m.find()) {
            keys.add((m.group(1) == null ? contact.countryCode() : m.group(1)) + "/" + m.group(2));
        }
        return keys;
    }
}
