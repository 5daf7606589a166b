package tj.migrantsguide.store;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.store.ItemChange.Change;
import tj.migrantsguide.store.ItemChange.Field;
import tj.migrantsguide.store.ItemChange.FieldChange;
import tj.migrantsguide.store.ItemChange.LineChange;
import tj.migrantsguide.store.ItemChange.NumberChange;
import tj.migrantsguide.text.Links;
import tj.migrantsguide.text.TextChange;

/**
 * What changed between the old and the new rows of one country pack (articles, contacts, checklists, deadline
 * rules): items matched by id, changed fields compared
 * word by word ({@link TextChange}), phone numbers and checklist lines compared as lists (java-diff-utils, as for
 * words). Order and stage moves alone are not changes a person needs to be told about.
 */
final class ChangeFinder {
    /** The items of one pack in one language, old or new; empty for a pack that is not there. */
    record PackItems(List<Article> articles, List<Contact> contacts, List<Checklist> checklists,
            List<DateRule> rules) {
        static final PackItems NONE = new PackItems(List.of(), List.of(), List.of(), List.of());

        static PackItems of(CountryPack pack) {
            return new PackItems(pack.articles(), pack.contacts(), pack.checklists(), pack.rules());
        }
    }

    private ChangeFinder() {}

    static List<ItemChange> between(String country, Language language, PackItems before, PackItems after) {
        List<ItemChange> changes = new ArrayList<>();
        compare(changes, before.articles(), after.articles(), Article::id, a -> new Described(ItemKind.ARTICLE,
                a.title(), List.of(), fields(Field.TITLE, a.title(), Field.BODY, a.body()), a.sources(),
                a.verified(), List.of()), country, language);
        compare(changes, before.contacts(), after.contacts(), Contact::id, c -> new Described(ItemKind.CONTACT,
                c.name(), c.phones(), fields(Field.NAME, c.name(), Field.ADDRESS, c.address(), Field.HOURS,
                        c.hours(), Field.LANGUAGES, c.languagesSpoken(), Field.EMAIL, c.email(), Field.WEBSITE,
                        c.website(), Field.NOTE, c.note()), c.sources(), c.verified(), List.of()),
                country, language);
        compare(changes, before.checklists(), after.checklists(), Checklist::id, c -> new Described(
                ItemKind.CHECKLIST, c.title(), List.of(), fields(Field.TITLE, c.title()), c.sources(), c.verified(),
                c.items()), country, language);
        // A rule's length is the fact that matters most ("15 days" becoming "30 days"): it comes right after the title.
        compare(changes, before.rules(), after.rules(), DateRule::id, r -> new Described(ItemKind.RULE, r.title(),
                List.of(), fields(Field.TITLE, r.title(), Field.LENGTH, r.length().code(), Field.BODY, r.body(),
                        Field.MISSED, r.missed()), r.sources(), r.verified(), List.of()), country, language);
        return changes;
    }

    /** One item reduced to what is compared: the same shape for every kind. */
    private record Described(ItemKind kind, String title, List<Phone> phones, Map<Field, String> texts,
            List<String> sources, Optional<LocalDate> verified, List<ChecklistItem> lines) {}

    /**
     * The compared texts, without link markup: What changed cannot follow a {@code [[id]]} and would show it raw, so a
     * link added or removed alone is not a change a person is told about (as search snippets, {@link Links}).
     */
    private static Map<Field, String> fields(Object... fieldsAndTexts) {
        Map<Field, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTexts.length; i += 2) {
            texts.put((Field) fieldsAndTexts[i], Links.strip((String) fieldsAndTexts[i + 1]));
        }
        return texts;
    }

    private static <T> void compare(List<ItemChange> out, List<T> before, List<T> after, Function<T, String> id,
            Function<T, Described> describe, String country, Language language) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(item -> old.put(id.apply(item), item));
        Map<String, T> now = new LinkedHashMap<>();
        after.forEach(item -> now.put(id.apply(item), item));
        for (Map.Entry<String, T> entry : now.entrySet()) {
            T was = old.get(entry.getKey());
            Described d = describe.apply(entry.getValue());
            if (was == null) {
                out.add(whole(country, language, entry.getKey(), d, Change.ADDED));
            } else {
                changed(country, language, entry.getKey(), describe.apply(was), d).ifPresent(out::add);
            }
        }
        for (Map.Entry<String, T> entry : old.entrySet()) {
            if (!now.containsKey(entry.getKey())) {
                out.add(whole(country, language, entry.getKey(), describe.apply(entry.getValue()), Change.REMOVED));
            }
        }
    }

    /** An added or removed item: its title, and every number it has (a number added or gone is news). */
    private static ItemChange whole(String country, Language language, String id, Described d, Change change) {
        List<NumberChange> numbers = new ArrayList<>();
        for (Phone phone : d.phones()) {
            numbers.add(change == Change.ADDED
                    ? new NumberChange(Change.ADDED, Optional.empty(), Optional.of(phone.display()))
                    : new NumberChange(Change.REMOVED, Optional.of(phone.display()), Optional.empty()));
        }
        return new ItemChange(country, language, d.kind(), id, change, d.title(), numbers, List.of(), List.of());
    }

    private static Optional<ItemChange> changed(String country, Language language, String id, Described was,
            Described now) {
        List<NumberChange> numbers = numbers(was.phones(), now.phones());
        List<FieldChange> fields = new ArrayList<>();
        now.texts().forEach((field, text) -> {
            String old = was.texts().getOrDefault(field, "");
            if (!old.equals(text)) {
                fields.add(new FieldChange(field, TextChange.between(old, text)));
            }
        });
        if (!was.sources().equals(now.sources())) {
            fields.add(new FieldChange(Field.SOURCES, TextChange.between(String.join("\n", was.sources()),
                    String.join("\n", now.sources()))));
        }
        if (!was.verified().equals(now.verified())) {
            fields.add(new FieldChange(Field.CHECKED, TextChange.between(
                    was.verified().map(LocalDate::toString).orElse(""),
                    now.verified().map(LocalDate::toString).orElse(""))));
        }
        List<LineChange> lines = lines(was.lines(), now.lines());
        if (numbers.isEmpty() && fields.isEmpty() && lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ItemChange(country, language, now.kind(), id, Change.CHANGED, now.title(), numbers,
                fields, lines));
    }

    /** Numbers compared as a list: a number replaced in its place is "changed", others added or removed. */
    private static List<NumberChange> numbers(List<Phone> before, List<Phone> after) {
        List<NumberChange> out = new ArrayList<>();
        for (AbstractDelta<Phone> delta : DiffUtils.diff(before, after).getDeltas()) {
            List<Phone> gone = delta.getSource().getLines();
            List<Phone> come = delta.getTarget().getLines();
            int paired = Math.min(gone.size(), come.size());
            for (int i = 0; i < paired; i++) {
                if (!gone.get(i).display().equals(come.get(i).display())
                        || !gone.get(i).dial().equals(come.get(i).dial())) {
                    out.add(new NumberChange(Change.CHANGED, Optional.of(gone.get(i).display()),
                            Optional.of(come.get(i).display())));
                }
            }
            for (Phone phone : gone.subList(paired, gone.size())) {
                out.add(new NumberChange(Change.REMOVED, Optional.of(phone.display()), Optional.empty()));
            }
            for (Phone phone : come.subList(paired, come.size())) {
                out.add(new NumberChange(Change.ADDED, Optional.empty(), Optional.of(phone.display())));
            }
        }
        return out;
    }

    /** Checklist lines by id: a tick belongs to a line's id, so a reworded line is the same line. */
    private static List<LineChange> lines(List<ChecklistItem> before, List<ChecklistItem> after) {
        Map<String, String> old = new LinkedHashMap<>();
        before.forEach(i -> old.put(i.id(), Links.strip(i.text())));
        Map<String, String> now = new LinkedHashMap<>();
        after.forEach(i -> now.put(i.id(), Links.strip(i.text())));
        List<LineChange> out = new ArrayList<>();
        now.forEach((id, text) -> {
            String was = old.get(id);
            if (was == null) {
                out.add(new LineChange(Change.ADDED, id, TextChange.all(text, TextChange.Mark.ADDED)));
            } else if (!was.equals(text)) {
                out.add(new LineChange(Change.CHANGED, id, TextChange.between(was, text)));
            }
        });
        old.forEach((id, text) -> {
            if (!now.containsKey(id)) {
                out.add(new LineChange(Change.REMOVED, id, TextChange.all(text, TextChange.Mark.REMOVED)));
            }
        });
        return out;
    }
}
