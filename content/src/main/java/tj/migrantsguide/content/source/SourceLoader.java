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
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.NamedSource;
import tj.migrantsguide.guide.Obligation;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.RuleLength;
import tj.migrantsguide.guide.Stage;

/**
 * Reads the editorial sources folder (layout in content/SPEC.md) into packs. Every problem is collected with its
 * file and line; the caller decides whether to go on.
 */
public final class SourceLoader {
    public static final String FEED_FILE = "feed.txt";
    public static final String COUNTRIES_FILE = "countries.txt";
    /** Optional: the concept table (words that mean the same, for search). */
    public static final String CONCEPTS_FILE = "concepts.txt";

    /** Optional: the named sources (what each cited document or site is; content/SPEC.md, "Sources"). */
    public static final String SOURCES_FILE = "sources.txt";
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
                problems.add(Problem.of(countriesFile.path(), block.line(), Rule.UNKNOWN_KIND,
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
        List<SourceItem> items = new ArrayList<>();
        for (Country country : countries) {
            Path folder = root.resolve(country.code());
            for (Language language : Language.values()) {
                Path path = folder.resolve(language.code() + ".txt");
                if (!Files.exists(path)) {
                    problems.add(Problem.of(path, 1, Rule.MISSING_TRANSLATION,
                            "no " + language.code() + " file for " + country.code()));
                    continue;
                }
                SourceFile file = SourceParser.parse(path, problems);
                files.add(file);
                packs.add(toPack(country.code(), language, file, items, problems));
            }
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).forEach(dir -> {
                String name = dir.getFileName().toString();
                if (countries.stream().noneMatch(c -> c.code().equals(name))) {
                    problems.add(Problem.of(dir, 1, Rule.UNKNOWN_COUNTRY,
                            "folder " + name + " is not listed in " + COUNTRIES_FILE));
                }
            });
        }
        List<SourceConcept> concepts = new ArrayList<>();
        Path conceptsPath = root.resolve(CONCEPTS_FILE);
        if (Files.exists(conceptsPath)) {
            SourceFile conceptsFile = SourceParser.parse(conceptsPath, problems);
            files.add(conceptsFile);
            for (Block block : conceptsFile.blocks()) {
                if (!block.kind().equals("concept")) {
                    problems.add(Problem.of(conceptsFile.path(), block.line(), Rule.UNKNOWN_KIND,
                            CONCEPTS_FILE + " holds only 'concept' blocks, not '" + block.kind() + "'"));
                    continue;
                }
                Map<Language, List<Field>> words = new EnumMap<>(Language.class);
                for (Language language : Language.values()) {
                    words.put(language, block.all(language.code()));
                }
                concepts.add(new SourceConcept(conceptsFile.path(), block, words,
                        block.all("source").stream().map(Citation::parse).toList(),
                        verification(conceptsFile, block, problems)));
            }
        }
        List<NamedSource> named = new ArrayList<>();
        Path sourcesPath = root.resolve(SOURCES_FILE);
        if (Files.exists(sourcesPath)) {
            SourceFile sourcesFile = SourceParser.parse(sourcesPath, problems);
            files.add(sourcesFile);
            for (Block block : sourcesFile.blocks()) {
                namedSource(sourcesFile, block, problems).ifPresent(named::add);
            }
        }
        return new EditorialContent(root, version, validDays, new CommonPack(countries, concepts.stream()
                .map(SourceLoader::concept).toList(), named), packs, files, items, concepts);
    }

    /**
     * A {@code document FILE} or {@code site HOST} block of sources.txt; empty (with the problem reported) when its
     * kind, publisher or year cannot be read.
     */
    private static Optional<NamedSource> namedSource(SourceFile file, Block block, List<Problem> problems) {
        boolean document = block.kind().equals("document");
        if (!document && !block.kind().equals("site")) {
            problems.add(Problem.of(file.path(), block.line(), Rule.UNKNOWN_KIND,
                    SOURCES_FILE + " holds only 'document' and 'site' blocks, not '" + block.kind() + "'"));
            return Optional.empty();
        }
        Map<Language, String> title = new EnumMap<>(Language.class);
        Map<Language, String> publisher = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            block.field("title." + language.code()).ifPresent(f -> title.put(language, f.value()));
            block.field("publisher." + language.code()).ifPresent(f -> publisher.put(language, f.value()));
        }
        String kindText = block.value("kind", "");
        Optional<NamedSource.Kind> kind = NamedSource.Kind.fromCode(kindText);
        List<String> wrong = new ArrayList<>();
        if (kind.isEmpty()) {
            wrong.add("kind '" + kindText + "' is none of " + java.util.Arrays.stream(NamedSource.Kind.values())
                    .map(NamedSource.Kind::code).toList());
        }
        if (publisher.isEmpty()) {
            wrong.add("it needs publisher.tg, publisher.ru, publisher.en");
        }
        if (document && title.isEmpty()) {
            wrong.add("a document needs title.tg, title.ru, title.en");
        }
        Optional<Integer> year = Optional.empty();
        Optional<Field> yearField = block.field("year");
        if (yearField.isPresent()) {
            if (yearField.get().value().matches("(19|20)[0-9]{2}")) {
                year = Optional.of(Integer.parseInt(yearField.get().value()));
            } else {
                wrong.add("year '" + yearField.get().value() + "' is not a year");
            }
        }
        if (!wrong.isEmpty()) {
            problems.add(Problem.of(file.path(), block.line(), Rule.SOURCE_TABLE_FORMAT,
                    "'" + block.id() + "': " + String.join("; ", wrong)));
            return Optional.empty();
        }
        return Optional.of(new NamedSource(block.id(), kind.get(), title, publisher, year,
                block.value("language", "")));
    }

    private static CountryPack toPack(String country, Language language, SourceFile file, List<SourceItem> items,
            List<Problem> problems) {
        file.headerField("language").ifPresent(f -> {
            if (!f.value().equals(language.code())) {
                problems.add(Problem.of(file.path(), f.line(), Rule.WRONG_LANGUAGE,
                        "file is named " + language.code() + ".txt but says language: " + f.value()));
            }
        });
        List<Article> articles = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Checklist> checklists = new ArrayList<>();
        List<DateRule> rules = new ArrayList<>();
        int order = 0;
        for (Block block : file.blocks()) {
            order++;
            if (!ITEM_KINDS.contains(block.kind())) {
                problems.add(Problem.of(file.path(), block.line(), Rule.UNKNOWN_KIND,
                        "unknown block kind '" + block.kind() + "' (article, contact, checklist, rule)"));
                continue;
            }
            SourceItem item = item(country, language, file, block, problems);
            items.add(item);
            switch (block.kind()) {
                case "article" -> articles.add(new Article(
                        block.id(), country, stage(file, block, problems), language,
                        block.value("title", ""), block.body(), sources(item), verifiedDate(item), order));
                case "contact" -> contacts.add(new Contact(
                        block.id(), country, kind(file, block, problems), language,
                        block.value("name", ""), phones(item), block.value("address", ""),
                        block.value("hours", ""), block.value("languages", ""), block.value("email", ""),
                        block.value("website", ""), block.body(), sources(item), verifiedDate(item),
                        block.value("emergency", "no").equals("yes"), order));
                case "rule" -> rule(file, block, item, order, problems).ifPresent(rules::add);
                default -> checklists.add(new Checklist(
                        block.id(), country, stage(file, block, problems), language, block.value("title", ""),
                        item.checklist().stream().map(l -> new ChecklistItem(l.id(), l.text())).toList(),
                        sources(item), verifiedDate(item), order));
            }
        }
        return new CountryPack(country, language, articles, contacts, checklists, rules);
    }

    private static Concept concept(SourceConcept source) {
        Map<Language, List<String>> words = new EnumMap<>(Language.class);
        source.words().forEach((language, fields) -> words.put(language, fields.stream().map(Field::value)
                .filter(word -> !word.isBlank()).toList()));
        return new Concept(source.id(), words);
    }

    /** The kinds of block a country's language file holds. */
    public static final List<String> ITEM_KINDS = List.of("article", "contact", "checklist", "rule");

    /**
     * A {@code rule} block as the feed carries it; empty (with {@link Rule#RULE_FORMAT} reported) when what it
     * obliges, the event it counts from or its length cannot be read. Numbers out of range, the article and the
     * contacts are the linter's to check.
     */
    private static Optional<DateRule> rule(SourceFile file, Block block, SourceItem item, int order,
            List<Problem> problems) {
        Optional<Obligation> obligation = ruleField(file, block, "obliges", Obligation::fromCode,
                java.util.Arrays.stream(Obligation.values()).map(Obligation::code).toList(), problems);
        Optional<DateEvent> event = ruleField(file, block, "counts-from", DateEvent::fromCode,
                java.util.Arrays.stream(DateEvent.values()).map(DateEvent::code).toList(), problems);
        Optional<RuleLength> length = ruleField(file, block, "length", RuleLength::parse,
                List.of("N calendar-days", "N working-days", "monthly", "N days-in-any M"), problems);
        if (obligation.isEmpty() || event.isEmpty() || length.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DateRule(block.id(), item.country(), item.language(), obligation.get(), event.get(),
                length.get(), block.value("title", ""), block.body(), block.value("missed", ""),
                block.value("article", ""), block.all("contact").stream().map(Field::value).toList(), sources(item),
                verifiedDate(item), order));
    }

    private static <T> Optional<T> ruleField(SourceFile file, Block block, String key,
            java.util.function.Function<String, Optional<T>> read, List<String> forms, List<Problem> problems) {
        Optional<Field> field = block.field(key);
        if (field.isEmpty()) {
            problems.add(Problem.of(file.path(), block.line(), Rule.RULE_FORMAT,
                    "rule '" + block.id() + "' needs '" + key + ": " + String.join(" | ", forms) + "'"));
            return Optional.empty();
        }
        Optional<T> value = read.apply(field.get().value());
        if (value.isEmpty()) {
            problems.add(Problem.of(file.path(), field.get().line(), Rule.RULE_FORMAT,
                    key + " is one of " + String.join(", ", forms) + "; got " + field.get().value()));
        }
        return value;
    }

    /** Reads the fields every check and the packs need, once: sources, phone lines, checklist lines, date. */
    private static SourceItem item(String country, Language language, SourceFile file, Block block,
            List<Problem> problems) {
        return new SourceItem(file.path(), block, country, language,
                block.all("source").stream().map(Citation::parse).toList(),
                phoneLines(file, block, problems),
                block.kind().equals("checklist") ? checklistLines(file, block, problems) : List.of(),
                verification(file, block, problems));
    }

    private static final java.util.regex.Pattern CHECKLIST_ITEM =
            java.util.regex.Pattern.compile("^- \\[([a-z0-9][a-z0-9-]*)]\\s+(\\S.*)$");

    /** Checklist body: one {@code - [item-id] text} line per item; blank lines between items are allowed. */
    private static List<ChecklistLine> checklistLines(SourceFile file, Block block, List<Problem> problems) {
        List<ChecklistLine> items = new ArrayList<>();
        String[] lines = block.body().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = CHECKLIST_ITEM.matcher(line);
            if (!m.matches()) {
                problems.add(Problem.of(file.path(), block.bodyLine() + i, Rule.CHECKLIST_ITEM,
                        "a checklist item is written '- [item-id] text'; got: " + line));
                continue;
            }
            items.add(new ChecklistLine(m.group(1), m.group(2).strip(), block.bodyLine() + i));
        }
        if (items.isEmpty()) {
            problems.add(Problem.of(file.path(), block.line(), Rule.CHECKLIST_ITEM,
                    "checklist '" + block.id() + "' has no items"));
        }
        return items;
    }

    /** What the feed carries for each source: the line as written. */
    private static List<String> sources(SourceItem item) {
        return item.sources().stream().map(Citation::text).toList();
    }

    private static Stage stage(SourceFile file, Block block, List<Problem> problems) {
        Optional<Field> field = block.field("stage");
        if (field.isEmpty()) {
            problems.add(Problem.of(file.path(), block.line(), Rule.MISSING_STAGE,
                    "article needs 'stage: before | abroad | return'"));
            return Stage.BEFORE_DEPARTURE;
        }
        return Stage.fromCode(field.get().value()).orElseGet(() -> {
            problems.add(Problem.of(file.path(), field.get().line(), Rule.BAD_STAGE,
                    "stage must be before, abroad or return; got " + field.get().value()));
            return Stage.BEFORE_DEPARTURE;
        });
    }

    private static ContactKind kind(SourceFile file, Block block, List<Problem> problems) {
        Optional<Field> field = block.field("kind");
        if (field.isEmpty()) {
            problems.add(Problem.of(file.path(), block.line(), Rule.MISSING_KIND, "contact needs 'kind:'"));
            return ContactKind.SERVICE;
        }
        return ContactKind.fromCode(field.get().value()).orElseGet(() -> {
            problems.add(Problem.of(file.path(), field.get().line(), Rule.BAD_KIND,
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
    private static List<PhoneLine> phoneLines(SourceFile file, Block block, List<Problem> problems) {
        List<PhoneLine> phones = new ArrayList<>();
        for (Field field : block.all("phone")) {
            String[] parts = field.value().split("\\|", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add(Problem.of(file.path(), field.line(), Rule.PHONE_FORMAT,
                        "write 'phone: <as dialled> | <as printed>', e.g. 'phone: +74959679844 | +7 (495) 967-98-44'"));
                continue;
            }
            phones.add(new PhoneLine(parts[0].strip(), parts[1].strip(), field.line()));
        }
        return phones;
    }

    private static List<Phone> phones(SourceItem item) {
        return item.phones().stream().map(p -> new Phone(p.dialUnknown() ? "" : p.dial(), p.display())).toList();
    }

    private static Verification verification(SourceFile file, Block block, List<Problem> problems) {
        Optional<Field> field = block.field("verified");
        if (field.isEmpty()) {
            return new Verification.Missing();
        }
        if (field.get().value().equals(UNKNOWN_DATE)) {
            return new Verification.Unknown(field.get().line());
        }
        try {
            return new Verification.On(LocalDate.parse(field.get().value()), field.get().line());
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(file.path(), field.get().line(), Rule.BAD_DATE,
                    "verified must be YYYY-MM-DD or 'unknown'; got " + field.get().value()));
            return new Verification.Unreadable(field.get().value(), field.get().line());
        }
    }

    private static Optional<LocalDate> verifiedDate(SourceItem item) {
        return item.verified() instanceof Verification.On on ? Optional.of(on.date()) : Optional.empty();
    }

    private static long parseLong(Path path, Field field, List<Problem> problems) {
        try {
            return Long.parseLong(field.value());
        } catch (NumberFormatException e) {
            problems.add(Problem.of(path, field.line(), Rule.BAD_NUMBER, field.key() + " must be a whole number"));
            return 0;
        }
    }
}
