package tj.migrantsguide.content.lint;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tj.migrantsguide.content.source.Block;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Field;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.SourceFile;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.guide.Language;

/**
 * Checks the editorial sources against content/SPEC.md before anything is published. Each rule has a stable name
 * (the {@code rule} of a {@link Problem}, listed in SPEC.md); errors stop the publisher, warnings ask an editor to
 * look. Every problem names a file and a line.
 *
 * <p>The parser and {@link SourceLoader} already report problems of shape (bad block start, bad date, missing
 * file); this class checks meaning: sources, dates, numbers, translations, links, and the words themselves.
 */
public final class Linter {
    /** A fact not checked for this long is flagged for re-checking. */
    public static final Period RECHECK_AFTER = Period.ofMonths(12);

    /** E.164 (+, country code not starting with 0, at most 15 digits) or a short code dialled as is. */
    private static final Pattern DIAL = Pattern.compile("^(\\+[1-9][0-9]{6,14}|[0-9]{2,6})$");
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\]]*)]]");
    private static final Pattern LINK_TARGET = Pattern.compile("^(?:([A-Z]{2})/)?([a-z0-9][a-z0-9-]*)$");
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
    /** {@code 001_83c9d57138334d54.txt:461} or a range {@code …:161-163}. */
    private static final Pattern DOCUMENT_SOURCE = Pattern.compile("^([^\\s:/\\\\]+\\.txt):([0-9]+)(?:-([0-9]+))?$");
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");
    /** Phone-like text in a body: an international number, or groups such as 227-07-07-07. */
    private static final Pattern NUMBER_IN_TEXT =
            Pattern.compile("(?<![0-9-])(\\+[0-9][0-9 ()\\-]{5,}[0-9]|[0-9]{2,3}(?:-[0-9]{2,3}){2,})(?![0-9])");
    /** Below this many Cyrillic letters a Tajik text may well have no ғ ӣ қ ӯ ҳ ҷ («Беларус»). */
    private static final int TAJIK_LETTERS_EXPECTED_FROM = 40;

    private static final Set<String> ITEM_KINDS = Set.of("article", "contact", "checklist");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "article", Set.of("stage", "title", "source", "verified"),
            "contact", Set.of("kind", "name", "phone", "address", "hours", "languages", "email", "website",
                    "emergency", "source", "verified"),
            "checklist", Set.of("stage", "title", "source", "verified"),
            "country", Set.of("name.tg", "name.ru", "name.en", "order"));
    private static final Set<String> REPEATABLE = Set.of("source", "phone");
    /** Fields that state facts: they must read the same in all three languages. */
    private static final List<String> FACT_FIELDS =
            List.of("stage", "kind", "emergency", "verified", "website", "email", "languages");

    private final Clock clock;
    private final Optional<Path> documentsFolder;
    private final Period recheckAfter;

    /** Today from {@code clock}; documents beside the repository (see {@link Documents#besideRepository}). */
    public Linter(Clock clock) {
        this(clock, Optional.empty(), RECHECK_AFTER);
    }

    /**
     * @param documentsFolder where the cited source documents are; empty for the default beside the repository
     * @param recheckAfter how old a verification date may get before the item is flagged for re-checking
     */
    public Linter(Clock clock, Optional<Path> documentsFolder, Period recheckAfter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.documentsFolder = Objects.requireNonNull(documentsFolder, "documentsFolder");
        this.recheckAfter = Objects.requireNonNull(recheckAfter, "recheckAfter");
    }

    public List<Problem> lint(EditorialContent content) {
        return new Run(content).lint();
    }

    /** One block as found in one file. */
    private record Located(SourceFile file, Block block) {}

    /** State of one lint run. */
    private final class Run {
        private final EditorialContent content;
        private final LocalDate today = LocalDate.now(clock);
        private final Documents documents;
        private final List<Problem> problems = new ArrayList<>();
        /** country -> id -> language -> where. Insertion order is file order: tg, ru, en. */
        private final Map<String, Map<String, Map<String, Located>>> items = new LinkedHashMap<>();
        /** country -> digits of every number in its phone lines. */
        private final Map<String, Set<String>> phoneDigits = new LinkedHashMap<>();
        /** id -> the country that used it first. */
        private final Map<String, String> countryOfId = new LinkedHashMap<>();
        /** "RU/ru" for every country file that exists. */
        private final Set<String> filesPresent = new HashSet<>();
        /** Warnings about a fact are shown once per item, not once per language. */
        private final Set<String> warnedFacts = new HashSet<>();

        Run(EditorialContent content) {
            this.content = content;
            this.documents = documentsFolder.map(Documents::at)
                    .orElseGet(() -> Documents.besideRepository(content.root()));
        }

        List<Problem> lint() {
            if (!documents.available()) {
                problems.add(Problem.warning(content.root(), 1, "documents-unavailable",
                        "source documents folder not found (" + documentsFolder.map(Path::toString)
                                .orElse("../shared/sources beside the repository")
                                + "); 'source: FILE:LINE' lines are not checked against the documents"));
            }
            index();
            for (SourceFile file : content.files()) {
                String language = languageOf(file.path());
                if (file.path().getFileName().toString().equals(SourceLoader.COUNTRIES_FILE)) {
                    checkCountries(file);
                } else if (language != null) {
                    checkLanguageFile(file, language);
                }
            }
            checkTranslations();
            checkEmergencyCards();
            return problems;
        }

        private void index() {
            for (SourceFile file : content.files()) {
                String language = languageOf(file.path());
                if (language == null) {
                    continue;
                }
                String country = countryOf(file);
                filesPresent.add(country + "/" + language);
                Set<String> idsInFile = new HashSet<>();
                for (Block block : file.blocks()) {
                    if (!idsInFile.add(block.id())) {
                        problems.add(Problem.error(file.path(), block.line(), "duplicate-id",
                                "id '" + block.id() + "' is used twice in this file"));
                        continue;
                    }
                    items.computeIfAbsent(country, k -> new LinkedHashMap<>())
                            .computeIfAbsent(block.id(), k -> new LinkedHashMap<>())
                            .put(language, new Located(file, block));
                    // The app stores items by id and language (not by country), so an id names one item in the
                    // whole guide; an item repeated in several countries carries the country code: before-you-leave-kz.
                    String owner = countryOfId.putIfAbsent(block.id(), country);
                    if (owner != null && !owner.equals(country)) {
                        problems.add(Problem.error(file.path(), block.line(), "duplicate-id",
                                "id '" + block.id() + "' is already used in " + owner + "; ids are unique across the"
                                        + " guide (suffix the country code: " + block.id() + "-"
                                        + country.toLowerCase(java.util.Locale.ROOT) + ")"));
                    }
                    for (Field phone : block.all("phone")) {
                        String[] parts = phone.value().split("\\|", 2);
                        Set<String> digits = phoneDigits.computeIfAbsent(country, k -> new HashSet<>());
                        for (String part : parts) {
                            digits.add(digits(part));
                        }
                    }
                }
            }
        }

        private void checkCountries(SourceFile file) {
            for (Block block : file.blocks()) {
                checkFields(file, block);
                for (Language language : Language.values()) {
                    Optional<Field> name = block.field("name." + language.code());
                    if (name.isEmpty() || name.get().value().isBlank()) {
                        problems.add(Problem.error(file.path(), block.line(), "missing-translation",
                                "country " + block.id() + " has no name." + language.code()));
                    } else {
                        checkText(file, name.get().line(), name.get().value(), language.code());
                    }
                }
            }
        }

        private void checkLanguageFile(SourceFile file, String language) {
            boolean tajikLetterSeen = false;
            for (Block block : file.blocks()) {
                if (!ID.matcher(block.id()).matches()) {
                    problems.add(Problem.error(file.path(), block.line(), "bad-id",
                            "id '" + block.id() + "': use lower-case letters, digits and '-'"));
                }
                if (!ITEM_KINDS.contains(block.kind())) {
                    continue; // SourceLoader reported unknown-kind
                }
                checkFields(file, block);
                checkSources(file, block);
                checkVerified(file, block, language);
                checkPhones(file, block, language);
                checkTexts(file, block, language);
                checkLinks(file, block);
                checkNumbersInText(file, block);
                if (block.kind().equals("contact")) {
                    checkContact(file, block);
                }
                if (block.kind().equals("checklist")) {
                    checkChecklistItems(file, block);
                }
                tajikLetterSeen |= TextChecks.hasTajikLetter(allText(block));
            }
            if (language.equals("tg") && !file.blocks().isEmpty() && !tajikLetterSeen) {
                problems.add(Problem.error(file.path(), 1, "not-tajik",
                        "this tg file has no Tajik letter (ғ ӣ қ ӯ ҳ ҷ) at all: is it Russian text?"));
            }
        }

        private void checkFields(SourceFile file, Block block) {
            Set<String> known = FIELDS.getOrDefault(block.kind(), Set.of());
            Set<String> seen = new HashSet<>();
            for (Field field : block.fields()) {
                if (!known.contains(field.key())) {
                    problems.add(Problem.error(file.path(), field.line(), "unknown-field",
                            "'" + field.key() + "' is not a field of " + block.kind() + " (" + String.join(", ",
                                    new TreeSet<>(known)) + ")"));
                } else if (!seen.add(field.key()) && !REPEATABLE.contains(field.key())) {
                    problems.add(Problem.error(file.path(), field.line(), "duplicate-field",
                            "'" + field.key() + "' is given twice in '" + block.id() + "'"));
                }
            }
        }

        private void checkSources(SourceFile file, Block block) {
            List<Field> sources = block.all("source");
            if (sources.isEmpty()) {
                problems.add(Problem.error(file.path(), block.line(), "missing-source",
                        "'" + block.id() + "' needs at least one 'source:' line"));
            }
            for (Field source : sources) {
                String value = source.value();
                Matcher document = DOCUMENT_SOURCE.matcher(value);
                if (value.isBlank()) {
                    problems.add(Problem.error(file.path(), source.line(), "missing-source", "empty 'source:'"));
                } else if (document.matches()) {
                    checkDocumentLine(file, source, document);
                } else if (value.contains(".txt") && !URL.matcher(value).matches()) {
                    problems.add(Problem.error(file.path(), source.line(), "source-format",
                            "a document is cited as FILE:LINE (e.g. 001_83c9d57138334d54.txt:461); got " + value));
                }
                // Anything else is an official page's address or a law with its number: free text.
            }
        }

        private void checkDocumentLine(SourceFile file, Field source, Matcher document) {
            if (!documents.available()) {
                return;
            }
            String name = document.group(1);
            long first = lineNumber(document.group(2));
            long last = document.group(3) == null ? first : lineNumber(document.group(3));
            OptionalInt lines = documents.lineCount(name);
            if (lines.isEmpty()) {
                problems.add(Problem.error(file.path(), source.line(), "source-document-missing",
                        "no document " + name + " in " + documents.folder().orElseThrow()));
            } else if (first < 1 || last < first || last > lines.getAsInt()) {
                problems.add(Problem.error(file.path(), source.line(), "source-line-out-of-range",
                        name + " has lines 1 to " + lines.getAsInt() + "; got " + source.value()
                                .substring(name.length() + 1)));
            }
        }

        /**
         * A cited line number; one too long for a long is past any document's end and reported as out of range
         * (it used to stop the linter with a NumberFormatException: content/fuzz/SourceFilesFuzzTestInputs/
         * .../crash-line-number-too-long).
         */
        private static long lineNumber(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }

        private void checkVerified(SourceFile file, Block block, String language) {
            Optional<Field> verified = block.field("verified");
            if (verified.isEmpty()) {
                problems.add(Problem.error(file.path(), block.line(), "missing-verified",
                        "'" + block.id() + "' needs 'verified: YYYY-MM-DD' (or 'unknown' when no editor could date"
                                + " the check)"));
                return;
            }
            String value = verified.get().value();
            if (value.equals(SourceLoader.UNKNOWN_DATE)) {
                warnOnce(file, block, verified.get().line(), "verified-unknown",
                        "'" + block.id() + "': verification date unknown; the app marks it as not yet verified."
                                + " Re-check it against its source");
                return;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return; // SourceLoader reported bad-date
            }
            if (date.isAfter(today)) {
                problems.add(Problem.error(file.path(), verified.get().line(), "future-date",
                        "verified " + date + " is after today (" + today + ")"));
            } else if (date.plus(recheckAfter).isBefore(today)) {
                warnOnce(file, block, verified.get().line(), "stale",
                        "'" + block.id() + "' was last verified on " + date + ", more than " + describe(recheckAfter)
                                + " ago: re-check it");
            }
        }

        private void checkPhones(SourceFile file, Block block, String language) {
            for (Field phone : block.all("phone")) {
                String[] parts = phone.value().split("\\|", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    continue; // SourceLoader reported phone-format
                }
                String dial = parts[0].strip();
                String display = parts[1].strip();
                if (dial.equals(SourceLoader.UNKNOWN_DIAL)) {
                    warnOnce(file, block, phone.line(), "phone-unverified-format",
                            "'" + block.id() + "': the international form of " + display + " is not established;"
                                    + " the app lets people copy it but not call it");
                } else if (!DIAL.matcher(dial).matches()) {
                    problems.add(Problem.error(file.path(), phone.line(), "phone-format",
                            "'" + dial + "' is neither E.164 (+ and 7 to 15 digits, e.g. +74959679844) nor a short"
                                    + " code (2 to 6 digits, e.g. 112)"));
                } else if (!digits(dial).equals(digits(display))) {
                    problems.add(Problem.error(file.path(), phone.line(), "phone-mismatch",
                            "dialled " + dial + " but printed " + display + ": the printed form must carry the same"
                                    + " digits (write it as +7 (495) 967-98-44 for +74959679844)"));
                }
            }
        }

        private void checkTexts(SourceFile file, Block block, String language) {
            String titleKey = block.kind().equals("contact") ? "name" : "title";
            Optional<Field> title = block.field(titleKey);
            if (title.isEmpty() || title.get().value().isBlank()) {
                problems.add(Problem.error(file.path(), block.line(), "empty-text",
                        "'" + block.id() + "' needs a " + titleKey));
            }
            if (block.kind().equals("article") && block.body().isBlank()) {
                problems.add(Problem.error(file.path(), block.line(), "empty-text",
                        "article '" + block.id() + "' has no text after '---'"));
            }
            for (String key : List.of("title", "name", "address", "hours")) {
                block.field(key).ifPresent(f -> checkText(file, f.line(), f.value(), language));
            }
            if (!block.body().isEmpty()) {
                checkText(file, block.bodyLine(), block.body(), language);
            }
            if (language.equals("tg")) {
                String text = allText(block);
                if (TextChecks.cyrillicLetters(text) >= TAJIK_LETTERS_EXPECTED_FROM && !TextChecks.hasTajikLetter(text)) {
                    problems.add(Problem.warning(file.path(), block.line(), "tajik-letters-missing",
                            "'" + block.id() + "' in Tajik has no ғ ӣ қ ӯ ҳ ҷ at all: is it Russian, or typed"
                                    + " without the Tajik letters?"));
                }
            }
        }

        /** {@code text} starts on {@code firstLine}; findings get the line of their offset. */
        private void checkText(SourceFile file, int firstLine, String text, String language) {
            List<TextChecks.Finding> findings = new ArrayList<>(TextChecks.mixedScripts(text));
            if (language.equals("tg")) {
                findings.addAll(TextChecks.tajik(text));
            }
            for (TextChecks.Finding finding : findings) {
                int line = firstLine + newlinesBefore(text, finding.offset());
                problems.add(finding.error()
                        ? Problem.error(file.path(), line, finding.rule(), finding.message())
                        : Problem.warning(file.path(), line, finding.rule(), finding.message()));
            }
        }

        private void checkLinks(SourceFile file, Block block) {
            String country = countryOf(file);
            Matcher m = LINK.matcher(block.body());
            while (m.find()) {
                int line = block.bodyLine() + newlinesBefore(block.body(), m.start());
                Matcher target = LINK_TARGET.matcher(m.group(1).strip());
                if (!target.matches()) {
                    problems.add(Problem.error(file.path(), line, "bad-link",
                            "write a link as [[id]] or [[CC/id]] (e.g. [[TJ/migration-service]]); got " + m.group()));
                    continue;
                }
                String targetCountry = target.group(1) == null ? country : target.group(1);
                if (!items.getOrDefault(targetCountry, Map.of()).containsKey(target.group(2))) {
                    problems.add(Problem.error(file.path(), line, "broken-link",
                            "link " + m.group() + " points to no item"
                                    + (items.containsKey(targetCountry) ? "" : " (no country " + targetCountry + ")")));
                }
            }
        }

        /** Numbers belong in 'phone:' lines, where their form is checked; one in running text escapes that. */
        private void checkNumbersInText(SourceFile file, Block block) {
            Set<String> known = phoneDigits.getOrDefault(countryOf(file), Set.of());
            Matcher m = NUMBER_IN_TEXT.matcher(block.body());
            while (m.find()) {
                if (!known.contains(digits(m.group()))) {
                    problems.add(Problem.warning(file.path(), block.bodyLine() + newlinesBefore(block.body(),
                            m.start()), "phone-in-text", "«" + m.group() + "» looks like a phone number that no"
                            + " 'phone:' line of this country carries; put it in a contact's phone: line"));
                }
            }
        }

        private void checkContact(SourceFile file, Block block) {
            Optional<Field> emergency = block.field("emergency");
            boolean isEmergency = emergency.map(f -> f.value().equals("yes")).orElse(false);
            if (emergency.isPresent() && !Set.of("yes", "no").contains(emergency.get().value())) {
                problems.add(Problem.error(file.path(), emergency.get().line(), "bad-emergency",
                        "emergency is 'yes' or 'no'; got " + emergency.get().value()));
            }
            block.field("website").ifPresent(site -> {
                if (!URL.matcher(site.value()).matches()) {
                    problems.add(Problem.error(file.path(), site.line(), "bad-website",
                            "website must be a full address starting with https:// or http://; got " + site.value()));
                }
            });
            if (block.all("phone").isEmpty() && block.body().isBlank()) {
                problems.add(isEmergency
                        ? Problem.error(file.path(), block.line(), "emergency-without-phone",
                                "'" + block.id() + "' is on the emergency card but has no number: add a note after"
                                        + " '---' saying where to find the number")
                        : Problem.error(file.path(), block.line(), "contact-needs-note",
                                "'" + block.id() + "' has no number: add a note after '---' saying where a person"
                                        + " can ask instead"));
            }
        }

        private void checkChecklistItems(SourceFile file, Block block) {
            Set<String> seen = new HashSet<>();
            String[] lines = block.body().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String id = checklistItemId(lines[i]);
                if (id != null && !seen.add(id)) {
                    problems.add(Problem.error(file.path(), block.bodyLine() + i, "duplicate-item",
                            "checklist item id '" + id + "' is used twice in '" + block.id() + "'"));
                }
            }
        }

        /** Same id in every language; facts (stage, kind, numbers, sources, dates, item ids) the same too. */
        private void checkTranslations() {
            for (var country : items.entrySet()) {
                for (var item : country.getValue().entrySet()) {
                    Map<String, Located> byLanguage = item.getValue();
                    Located reference = byLanguage.values().iterator().next();
                    String referenceLanguage = byLanguage.keySet().iterator().next();
                    for (Language language : Language.values()) {
                        Located other = byLanguage.get(language.code());
                        if (other == null && !filesPresent.contains(country.getKey() + "/" + language.code())) {
                            continue; // SourceLoader reported the whole file as missing; once is enough
                        }
                        if (other == null) {
                            problems.add(Problem.error(reference.file().path(), reference.block().line(),
                                    "missing-translation", "'" + item.getKey() + "' has no " + language.code()
                                            + " version in " + country.getKey() + "/" + language.code() + ".txt"));
                        } else if (other != reference) {
                            compareFacts(reference, referenceLanguage, other);
                        }
                    }
                }
            }
        }

        private void compareFacts(Located reference, String referenceLanguage, Located other) {
            Block want = reference.block();
            Block got = other.block();
            Path path = other.file().path();
            String where = " in " + referenceLanguage + ".txt";
            if (!want.kind().equals(got.kind())) {
                problems.add(Problem.error(path, got.line(), "translation-mismatch",
                        "'" + got.id() + "' is a " + got.kind() + " here but a " + want.kind() + where));
                return;
            }
            for (String key : FACT_FIELDS) {
                Optional<Field> a = want.field(key);
                Optional<Field> b = got.field(key);
                if (!a.map(Field::value).equals(b.map(Field::value))) {
                    problems.add(Problem.error(path, b.map(Field::line).orElse(got.line()), "translation-mismatch",
                            "'" + got.id() + "': " + key + " is " + b.map(f -> "'" + f.value() + "'").orElse("missing")
                                    + " here but " + a.map(f -> "'" + f.value() + "'").orElse("missing") + where));
                }
            }
            compareLists(path, got, "source", values(want, "source", false), values(got, "source", false), where, true);
            compareLists(path, got, "phone", values(want, "phone", true), values(got, "phone", true), where, false);
            if (want.kind().equals("checklist")) {
                List<String> wantIds = checklistItemIds(want);
                List<String> gotIds = checklistItemIds(got);
                if (!wantIds.equals(gotIds)) {
                    problems.add(Problem.error(path, got.bodyLine() == 0 ? got.line() : got.bodyLine(),
                            "translation-mismatch", "checklist '" + got.id() + "' has items " + gotIds + " here but "
                                    + wantIds + where + " (same ids, same order: ticks are kept by id)"));
                }
            }
        }

        private void compareLists(Path path, Block got, String key, List<String> want, List<String> have,
                String where, boolean anyOrder) {
            boolean same = anyOrder ? new TreeSet<>(want).equals(new TreeSet<>(have)) && want.size() == have.size()
                    : want.equals(have);
            if (!same) {
                int line = got.all(key).stream().map(Field::line).findFirst().orElse(got.line());
                problems.add(Problem.error(path, line, "translation-mismatch",
                        "'" + got.id() + "': " + key + " lines " + have + " here but " + want + where));
            }
        }

        /** Rule 6 of content-rules.md: every country has numbers one tap away, or says where to find them. */
        private void checkEmergencyCards() {
            for (SourceFile file : content.files()) {
                if (!file.path().getFileName().toString().equals(SourceLoader.COUNTRIES_FILE)) {
                    continue;
                }
                for (Block country : file.blocks()) {
                    boolean hasCard = items.getOrDefault(country.id(), Map.of()).values().stream()
                            .flatMap(byLanguage -> byLanguage.values().stream())
                            .anyMatch(l -> l.block().kind().equals("contact")
                                    && l.block().value("emergency", "no").equals("yes"));
                    if (!hasCard) {
                        problems.add(Problem.error(file.path(), country.line(), "no-emergency-card",
                                "country " + country.id() + " has no contact with 'emergency: yes'"));
                    }
                }
            }
        }

        /** Facts are the same in all languages (checked apart), so a warning about one is shown in one file only. */
        private void warnOnce(SourceFile file, Block block, int line, String rule, String message) {
            if (warnedFacts.add(countryOf(file) + "/" + block.id() + "/" + rule + "/" + message)) {
                problems.add(Problem.warning(file.path(), line, rule, message));
            }
        }
    }

    private static List<String> values(Block block, String key, boolean normaliseSpaces) {
        return block.all(key).stream().map(Field::value)
                .map(v -> normaliseSpaces ? v.replaceAll("\\s+", " ") : v).toList();
    }

    private static List<String> checklistItemIds(Block block) {
        List<String> ids = new ArrayList<>();
        for (String line : block.body().split("\n", -1)) {
            String id = checklistItemId(line);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static final Pattern CHECKLIST_ITEM_ID = Pattern.compile("^\\s*- \\[([^\\]]+)]");

    private static String checklistItemId(String line) {
        Matcher m = CHECKLIST_ITEM_ID.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private static String allText(Block block) {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("title", "name", "address", "hours")) {
            block.field(key).ifPresent(f -> text.append(f.value()).append('\n'));
        }
        return text.append(block.body()).toString();
    }

    private static int newlinesBefore(String text, int offset) {
        int count = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static String describe(Period period) {
        return period.toTotalMonths() > 0 && period.getDays() == 0 ? period.toTotalMonths() + " months"
                : period.toString();
    }

    private static String countryOf(SourceFile file) {
        return file.path().getParent().getFileName().toString();
    }

    private static String languageOf(Path path) {
        String name = path.getFileName().toString();
        for (Language language : Language.values()) {
            if (name.equals(language.code() + ".txt")) {
                return language.code();
            }
        }
        return null;
    }
}
