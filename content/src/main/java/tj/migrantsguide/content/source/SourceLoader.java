package tj.migrantsguide.content.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.Stage;

/**
 * Reads the editorial sources folder (layout in content/SPEC.md) into packs. Every problem is collected with its
 * file and line; the caller decides whether to go on.
 */
public final class SourceLoader {
    public static final String FEED_FILE = "feed.txt";
    public static final String COUNTRIES_FILE = "countries.txt";
    /** Written instead of a date when the page a fact was read on carries none. */
    public static final String UNKNOWN_DATE = "unknown";

    private SourceLoader() {}

    public static EditorialContent load(Path root, List<Problem> problems) throws IOException {
        List<SourceFile> files = new ArrayList<>();

        SourceFile feed = SourceParser.parse(root.resolve(FEED_FILE), problems);
        files.add(feed);
        long version = feed.headerField("version").map(f -> parseLong(feed.path(), f, problems)).orElse(1L);
        int validDays = (int) (long) feed.headerField("valid-days").map(f -> parseLong(feed.path(), f, problems))
                .orElse(180L);

        SourceFile countriesFile = SourceParser.parse(root.resolve(COUNTRIES_FILE), problems);
        files.add(countriesFile);
        List<Country> countries = new ArrayList<>();
        for (Block block : countriesFile.blocks()) {
            if (!block.kind().equals("country")) {
                problems.add(Problem.error(countriesFile.path(), block.line(), "unknown-kind",
                        COUNTRIES_FILE + " holds only 'country' blocks, not '" + block.kind() + "'"));
                continue;
            }
            Map<Language, String> names = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                block.field("name." + language.code()).ifPresent(f -> names.put(language, f.value()));
            }
            int order = (int) block.field("order").map(f -> parseLong(countriesFile.path(), f, problems)).orElse(0L)
                    .longValue();
            countries.add(new Country(block.id(), names, order));
        }

        List<CountryPack> packs = new ArrayList<>();
        for (Country country : countries) {
            Path folder = root.resolve(country.code());
            for (Language language : Language.values()) {
                Path path = folder.resolve(language.code() + ".txt");
                if (!Files.exists(path)) {
                    problems.add(Problem.error(path, 1, "missing-translation",
                            "no " + language.code() + " file for " + country.code()));
                    continue;
                }
                SourceFile file = SourceParser.parse(path, problems);
                files.add(file);
                packs.add(toPack(country.code(), language, file, problems));
            }
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).forEach(dir -> {
                String name = dir.getFileName().toString();
                if (countries.stream().noneMatch(c -> c.code().equals(name))) {
                    problems.add(Problem.error(dir, 1, "unknown-country",
                            "folder " + name + " is not listed in " + COUNTRIES_FILE));
                }
            });
        }
        return new EditorialContent(root, version, validDays, new CommonPack(countries), packs, files);
    }

    private static CountryPack toPack(String country, Language language, SourceFile file, List<Problem> problems) {
        file.headerField("language").ifPresent(f -> {
            if (!f.value().equals(language.code())) {
                problems.add(Problem.error(file.path(), f.line(), "wrong-language",
                        "file is named " + language.code() + ".txt but says language: " + f.value()));
            }
        });
        List<Article> articles = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Checklist> checklists = new ArrayList<>();
        int order = 0;
        for (Block block : file.blocks()) {
            order++;
            switch (block.kind()) {
                case "article" -> articles.add(new Article(
                        block.id(), country, stage(file, block, problems), language,
                        block.value("title", ""), block.body(), sources(block),
                        verified(file, block, problems), order));
                case "contact" -> contacts.add(new Contact(
                        block.id(), country, kind(file, block, problems), language,
                        block.value("name", ""), phones(file, block, problems), block.value("address", ""),
                        block.value("hours", ""), block.value("languages", ""), block.value("email", ""),
                        block.value("website", ""), block.body(), sources(block), verified(file, block, problems),
                        block.value("emergency", "no").equals("yes"), order));
                case "checklist" -> checklists.add(new Checklist(
                        block.id(), country, stage(file, block, problems), language, block.value("title", ""),
                        checklistItems(file, block, problems), sources(block), verified(file, block, problems),
                        order));
                default -> problems.add(Problem.error(file.path(), block.line(), "unknown-kind",
                        "unknown block kind '" + block.kind() + "' (article, contact, checklist)"));
            }
        }
        return new CountryPack(country, language, articles, contacts, checklists);
    }

    private static final java.util.regex.Pattern CHECKLIST_ITEM =
            java.util.regex.Pattern.compile("^- \\[([a-z0-9][a-z0-9-]*)]\\s+(\\S.*)$");

    /** Checklist body: one {@code - [item-id] text} line per item; blank lines between items are allowed. */
    private static List<ChecklistItem> checklistItems(SourceFile file, Block block, List<Problem> problems) {
        List<ChecklistItem> items = new ArrayList<>();
        String[] lines = block.body().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = CHECKLIST_ITEM.matcher(line);
            if (!m.matches()) {
                problems.add(Problem.error(file.path(), block.bodyLine() + i, "checklist-item",
                        "a checklist item is written '- [item-id] text'; got: " + line));
                continue;
            }
            items.add(new ChecklistItem(m.group(1), m.group(2).strip()));
        }
        if (items.isEmpty()) {
            problems.add(Problem.error(file.path(), block.line(), "checklist-item",
                    "checklist '" + block.id() + "' has no items"));
        }
        return items;
    }

    private static List<String> sources(Block block) {
        return block.all("source").stream().map(Field::value).toList();
    }

    private static Stage stage(SourceFile file, Block block, List<Problem> problems) {
        Optional<Field> field = block.field("stage");
        if (field.isEmpty()) {
            problems.add(Problem.error(file.path(), block.line(), "missing-stage",
                    "article needs 'stage: before | abroad | return'"));
            return Stage.BEFORE_DEPARTURE;
        }
        return Stage.fromCode(field.get().value()).orElseGet(() -> {
            problems.add(Problem.error(file.path(), field.get().line(), "bad-stage",
                    "stage must be before, abroad or return; got " + field.get().value()));
            return Stage.BEFORE_DEPARTURE;
        });
    }

    private static ContactKind kind(SourceFile file, Block block, List<Problem> problems) {
        Optional<Field> field = block.field("kind");
        if (field.isEmpty()) {
            problems.add(Problem.error(file.path(), block.line(), "missing-kind", "contact needs 'kind:'"));
            return ContactKind.SERVICE;
        }
        return ContactKind.fromCode(field.get().value()).orElseGet(() -> {
            problems.add(Problem.error(file.path(), field.get().line(), "bad-kind",
                    "unknown contact kind: " + field.get().value()));
            return ContactKind.SERVICE;
        });
    }

    /** Written instead of the dialled form when the source prints a number whose international form is unclear. */
    public static final String UNKNOWN_DIAL = "unknown";

    /**
     * {@code phone: +74959679844 | +7 (495) 967-98-44}: the number as dialled, then as printed. The dialled form is
     * {@code unknown} when the source's number cannot be turned into E.164 without guessing.
     */
    private static List<Phone> phones(SourceFile file, Block block, List<Problem> problems) {
        List<Phone> phones = new ArrayList<>();
        for (Field field : block.all("phone")) {
            String[] parts = field.value().split("\\|", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add(Problem.error(file.path(), field.line(), "phone-format",
                        "write 'phone: <as dialled> | <as printed>', e.g. 'phone: +74959679844 | +7 (495) 967-98-44'"));
                continue;
            }
            String dial = parts[0].strip();
            phones.add(new Phone(dial.equals(UNKNOWN_DIAL) ? "" : dial, parts[1].strip()));
        }
        return phones;
    }

    private static Optional<LocalDate> verified(SourceFile file, Block block, List<Problem> problems) {
        Optional<Field> field = block.field("verified");
        if (field.isEmpty() || field.get().value().equals(UNKNOWN_DATE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(field.get().value()));
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(file.path(), field.get().line(), "bad-date",
                    "verified must be YYYY-MM-DD or 'unknown'; got " + field.get().value()));
            return Optional.empty();
        }
    }

    private static long parseLong(Path path, Field field, List<Problem> problems) {
        try {
            return Long.parseLong(field.value());
        } catch (NumberFormatException e) {
            problems.add(Problem.error(path, field.line(), "bad-number", field.key() + " must be a whole number"));
            return 0;
        }
    }
}
