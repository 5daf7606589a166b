package tj.migrantsguide.content.lint;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
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
import tj.migrantsguide.content.source.ChecklistLine;
import tj.migrantsguide.content.source.Citation;
import tj.migrantsguide.content.source.Cited;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Field;
import tj.migrantsguide.content.source.PhoneLine;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.Rule;
import tj.migrantsguide.content.source.SourceFile;
import tj.migrantsguide.content.source.SourceConcept;
import tj.migrantsguide.content.source.SourceItem;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.content.source.Verification;
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
    /** Phone-like text in a body: an international number, or groups such as 227-07-07-07. */
    private static final Pattern NUMBER_IN_TEXT =
            Pattern.compile("(?<![0-9-])(\\+[0-9][0-9 ()\\-]{5,}[0-9]|[0-9]{2,3}(?:-[0-9]{2,3}){2,})(?![0-9])");
    /** Below this many Cyrillic letters a Tajik text may well have no ғ ӣ қ ӯ ҳ ҷ («Беларус»). */
    private static final int TAJIK_LETTERS_EXPECTED_FROM = 40;

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "article", Set.of("stage", "title", "source", "verified"),
            "contact", Set.of("kind", "name", "phone", "address", "hours", "languages", "email", "website",
                    "emergency", "source", "verified"),
            "checklist", Set.of("stage", "title", "source", "verified"),
            "rule", Set.of("obliges", "counts-from", "length", "article", "contact", "title", "missed", "source",
                    "verified"),
            "country", Set.of("name.tg", "name.ru", "name.en", "order"),
            "concept", Set.of("tg", "ru", "en", "source", "verified"),
            "document", Set.of("title.tg", "title.ru", "title.en", "publisher.tg", "publisher.ru", "publisher.en",
                    "year", "language", "kind"),
            "site", Set.of("publisher.tg", "publisher.ru", "publisher.en", "language", "kind"));
    private static final Set<String> REPEATABLE = Set.of("source", "phone", "contact", "tg", "ru", "en");
    /** Fields that state facts: they must read the same in all three languages. */
    private static final List<String> FACT_FIELDS = List.of("stage", "kind", "emergency", "verified", "website",
            "email", "languages", "obliges", "counts-from", "length", "article");
    /**
     * The migrants' own country: its rules for foreigners (registration within 10 days of arrival,
     * 002_c822f97398750e5b.txt:403) are not the rules of our readers, who are its citizens.
     */
    static final String HOME_COUNTRY = "TJ";

    private final Clock clock;
    private final Optional<Path> documentsFolder;
    private final Period recheckAfter;

    /** Today from {@code clock}; documents from the repository's copy (see {@link Documents#forGuide}). */
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

    /** State of one lint run. */
    private final class Run {
        private final EditorialContent content;
        private final LocalDate today = LocalDate.now(clock);
        private final boolean hasSourceTable;
        private final Documents documents;
        private final List<Problem> problems = new ArrayList<>();
        /** country -> id -> language -> item. Insertion order is file order: tg, ru, en. */
        private final Map<String, Map<String, Map<Language, SourceItem>>> items = new LinkedHashMap<>();
        /** country -> every id a block of its files has (links may point to any of them). */
        private final Map<String, Set<String>> ids = new LinkedHashMap<>();
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
            this.hasSourceTable = java.nio.file.Files.exists(content.root().resolve(SourceLoader.SOURCES_FILE));
            this.documents = documentsFolder.map(Documents::at)
                    .orElseGet(() -> Documents.forGuide(content.root()));
        }

        List<Problem> lint() {
            if (!documents.available()) {
                problems.add(Problem.of(content.root(), 1, Rule.DOCUMENTS_UNAVAILABLE,
                        "source documents folder not found (" + documentsFolder.map(Path::toString)
                                .orElse("content/documents, or ../shared/sources beside the repository")
                                + "); 'source: FILE:LINE' lines are not checked against the documents"));
            }
            index();
            Map<Path, List<SourceItem>> byFile = new LinkedHashMap<>();
            content.items().forEach(item -> byFile.computeIfAbsent(item.file(), k -> new ArrayList<>()).add(item));
            for (SourceFile file : content.files()) {
                if (file.path().getFileName().toString().equals(SourceLoader.COUNTRIES_FILE)) {
                    checkCountries(file);
                } else if (file.path().getFileName().toString().equals(SourceLoader.CONCEPTS_FILE)) {
                    checkConcepts(file);
                } else if (file.path().getFileName().toString().equals(SourceLoader.SOURCES_FILE)) {
                    file.blocks().forEach(block -> checkFields(file.path(), block));
                } else if (languageOf(file.path()) != null) {
                    checkLanguageFile(file, languageOf(file.path()), byFile.getOrDefault(file.path(), List.of()));
                }
            }
            checkTranslations();
            checkEmergencyCards();
            return problems;
        }

        private void index() {
            for (SourceFile file : content.files()) {
                Language language = languageOf(file.path());
                if (language == null) {
                    continue;
                }
                String country = countryOf(file.path());
                filesPresent.add(country + "/" + language.code());
                Set<String> idsInFile = new HashSet<>();
                for (Block block : file.blocks()) {
                    if (!idsInFile.add(block.id())) {
                        problems.add(Problem.of(file.path(), block.line(), Rule.DUPLICATE_ID,
                                "id '" + block.id() + "' is used twice in this file"));
                        continue;
                    }
                    ids.computeIfAbsent(country, k -> new HashSet<>()).add(block.id());
                    // The app stores items by id and language (not by country), so an id names one item in the
                    // whole guide; an item repeated in several countries carries the country code: before-you-leave-kz.
                    String owner = countryOfId.putIfAbsent(block.id(), country);
                    if (owner != null && !owner.equals(country)) {
                        problems.add(Problem.of(file.path(), block.line(), Rule.DUPLICATE_ID,
                                "id '" + block.id() + "' is already used in " + owner + "; ids are unique across the"
                                        + " guide (suffix the country code: " + block.id() + "-"
                                        + country.toLowerCase(java.util.Locale.ROOT) + ")"));
                    }
                }
            }
            for (SourceItem item : content.items()) {
                // the first item of an id in a file is the one indexed; a duplicate was reported above
                items.computeIfAbsent(item.country(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(item.id(), k -> new EnumMap<>(Language.class))
                        .putIfAbsent(item.language(), item);
                Set<String> digits = phoneDigits.computeIfAbsent(item.country(), k -> new HashSet<>());
                for (PhoneLine phone : item.phones()) {
                    digits.add(digits(phone.dial()));
                    digits.add(digits(phone.display()));
                }
            }
        }

        private void checkCountries(SourceFile file) {
            for (Block block : file.blocks()) {
                checkFields(file.path(), block);
                for (Language language : Language.values()) {
                    Optional<Field> name = block.field("name." + language.code());
                    if (name.isEmpty() || name.get().value().isBlank()) {
                        problems.add(Problem.of(file.path(), block.line(), Rule.MISSING_TRANSLATION,
                                "country " + block.id() + " has no name." + language.code()));
                    } else {
                        checkText(file.path(), name.get().line(), name.get().value(), language);
                    }
                }
            }
        }

        /**
         * The concept table: every concept has words in all three languages, a source and a date; a word (folded:
         * «бақайдгирӣ» and «бакайдгири» are one) belongs to one concept only, or a search for it would mix two.
         */
        private void checkConcepts(SourceFile file) {
            Map<String, String> conceptOfWord = new LinkedHashMap<>();
            Set<String> conceptIds = new HashSet<>();
            for (SourceConcept concept : content.concepts()) {
                Block block = concept.block();
                if (!ID.matcher(block.id()).matches()) {
                    problems.add(Problem.of(file.path(), block.line(), Rule.BAD_ID,
                            "id '" + block.id() + "': use lower-case letters, digits and '-'"));
                }
                if (!conceptIds.add(block.id())) {
                    problems.add(Problem.of(file.path(), block.line(), Rule.DUPLICATE_ID,
                            "concept '" + block.id() + "' is defined twice"));
                }
                checkFields(file.path(), block);
                checkSources(concept);
                checkVerified(concept);
                for (Language language : Language.values()) {
                    List<Field> words = concept.words(language).stream().filter(f -> !f.value().isBlank()).toList();
                    if (words.isEmpty()) {
                        problems.add(Problem.of(file.path(), block.line(), Rule.CONCEPT_WORDS_MISSING,
                                "concept '" + block.id() + "' has no " + language.code() + ": word"));
                    }
                    for (Field word : words) {
                        checkWord(file.path(), word.line(), word.value(), language);
                        String folded = String.join(" ", tj.migrantsguide.text.Words.of(word.value()).stream()
                                .map(tj.migrantsguide.text.Words.Word::folded).toList());
                        String owner = conceptOfWord.putIfAbsent(language.code() + ":" + folded, block.id());
                        if (owner != null) {
                            problems.add(Problem.of(file.path(), word.line(), Rule.CONCEPT_WORD_TWICE,
                                    "«" + word.value() + "» is already a word of concept '" + owner + "'"
                                            + (owner.equals(block.id()) ? "" : "; a word means one concept")
                                            + " (compared without Tajik letters and case)"));
                        }
                    }
                }
            }
        }

        private void checkLanguageFile(SourceFile file, Language language, List<SourceItem> fileItems) {
            for (Block block : file.blocks()) {
                if (!ID.matcher(block.id()).matches()) {
                    problems.add(Problem.of(file.path(), block.line(), Rule.BAD_ID,
                            "id '" + block.id() + "': use lower-case letters, digits and '-'"));
                }
            }
            boolean tajikLetterSeen = false;
            for (SourceItem item : fileItems) {
                checkFields(item.file(), item.block());
                checkSources(item);
                checkVerified(item);
                checkPhones(item);
                checkTexts(item);
                checkLinks(item);
                checkNumbersInText(item);
                if (item.kind().equals("contact")) {
                    checkContact(item);
                }
                if (item.kind().equals("checklist")) {
                    checkChecklistItems(item);
                }
                if (item.kind().equals("rule")) {
                    checkRule(item);
                }
                tajikLetterSeen |= TextChecks.hasTajikLetter(allText(item.block()));
            }
            if (language == Language.TAJIK && !file.blocks().isEmpty() && !tajikLetterSeen) {
                problems.add(Problem.of(file.path(), 1, Rule.NOT_TAJIK,
                        "this tg file has no Tajik letter (ғ ӣ қ ӯ ҳ ҷ) at all: is it Russian text?"));
            }
        }

        private void checkFields(Path file, Block block) {
            Set<String> known = FIELDS.getOrDefault(block.kind(), Set.of());
            Set<String> seen = new HashSet<>();
            for (Field field : block.fields()) {
                if (!known.contains(field.key())) {
                    problems.add(Problem.of(file, field.line(), Rule.UNKNOWN_FIELD,
                            "'" + field.key() + "' is not a field of " + block.kind() + " (" + String.join(", ",
                                    new TreeSet<>(known)) + ")"));
                } else if (!seen.add(field.key()) && !REPEATABLE.contains(field.key())) {
                    problems.add(Problem.of(file, field.line(), Rule.DUPLICATE_FIELD,
                            "'" + field.key() + "' is given twice in '" + block.id() + "'"));
                }
            }
        }

        private void checkSources(Cited item) {
            if (item.sources().isEmpty()) {
                problems.add(Problem.of(item.file(), item.block().line(), Rule.MISSING_SOURCE,
                        "'" + item.id() + "' needs at least one 'source:' line"));
            }
            for (Citation source : item.sources()) {
                if (source instanceof Citation.Empty empty) {
                    problems.add(Problem.of(item.file(), empty.line(), Rule.MISSING_SOURCE, "empty 'source:'"));
                } else if (source instanceof Citation.DocumentLines lines) {
                    checkDocumentLines(item, lines);
                } else if (source instanceof Citation.Page page) {
                    checkPage(item, page);
                } else if (source instanceof Citation.Malformed bad) {
                    problems.add(Problem.of(item.file(), bad.line(), Rule.SOURCE_FORMAT, bad.problem()));
                }
                // Anything else is an official page's address or a law with its number: free text.
            }
        }

        /** A cited document or site must be named in sources.txt: a migrant never sees a file name or a bare host. */
        private void checkNamed(Cited item, int line, String text, String what) {
            // Only where the guide has a table: a folder without sources.txt (an editor's draft, a test) is not
            // refused for it; the real guide has one, and GuideContentTest holds it to naming every citation.
            if (hasSourceTable && tj.migrantsguide.guide.Citation.parse(text).find(content.common().sources()).isEmpty()) {
                problems.add(Problem.of(item.file(), line, Rule.SOURCE_UNNAMED, "'" + item.id() + "': " + what
                        + " is not named in " + SourceLoader.SOURCES_FILE + "; add a 'document' or 'site' block"
                        + " with its title and publisher"));
            }
        }

        private void checkDocumentLines(Cited item, Citation.DocumentLines cited) {
            checkNamed(item, cited.line(), cited.text(), cited.document());
            if (cited.quote().isEmpty()) {
                once(item, cited.line(), Rule.SOURCE_QUOTE_MISSING, "'" + item.id() + "': " + cited.locator()
                        + " carries no quote; write the words the item rests on: source: " + cited.locator()
                        + " | \"…\"");
            }
            if (!documents.available()) {
                return;
            }
            OptionalInt lines = documents.lineCount(cited.document());
            if (lines.isEmpty()) {
                problems.add(Problem.of(item.file(), cited.line(), Rule.SOURCE_DOCUMENT_MISSING,
                        "no document " + cited.document() + " in " + documents.folder().orElseThrow()));
            } else if (cited.first() < 1 || cited.last() < cited.first() || cited.last() > lines.getAsInt()) {
                problems.add(Problem.of(item.file(), cited.line(), Rule.SOURCE_LINE_OUT_OF_RANGE,
                        cited.document() + " has lines 1 to " + lines.getAsInt() + "; got "
                                + cited.locator().substring(cited.document().length() + 1)));
            } else if (cited.quote().isPresent()) {
                checkQuote(item, cited, cited.quote().get());
            }
        }

        /** The quote must be on the cited line(s), compared after {@link Quotes#fold}. */
        private void checkQuote(Cited item, Citation.DocumentLines cited, String quote) {
            List<String> text = documents.lines(cited.document()).orElseThrow();
            if (Quotes.onLines(text, cited.first(), cited.last(), quote)) {
                return;
            }
            List<Integer> elsewhere = Quotes.linesHolding(text, quote);
            String where = cited.document() + ":" + cited.first() + (cited.last() == cited.first() ? ""
                    : "-" + cited.last());
            once(item, cited.line(), Rule.SOURCE_QUOTE_NOT_ON_LINE, "'" + item.id() + "': the quote \""
                    + Quotes.excerpt(quote, 80) + "\" is not on " + where + " (" + where + " reads \""
                    + Quotes.excerpt(text.get((int) cited.first() - 1), 80) + "\")"
                    + (elsewhere.isEmpty() ? "; it is nowhere in " + cited.document()
                            : "; it is on line " + elsewhere.stream().limit(5).map(String::valueOf)
                                    .collect(java.util.stream.Collectors.joining(", "))));
        }

        /** A page is not fetched: its quote is kept as the editor read it; the day read may not be in the future. */
        private void checkPage(Cited item, Citation.Page page) {
            checkNamed(item, page.line(), page.text(), page.address());
            if (page.quote().isEmpty()) {
                once(item, page.line(), Rule.SOURCE_QUOTE_MISSING, "'" + item.id() + "': " + page.address()
                        + " carries no quote; write the day read and the words: source: " + page.address()
                        + " (read YYYY-MM-DD) | \"…\"");
            }
            page.read().filter(day -> day.isAfter(today)).ifPresent(day -> problems.add(Problem.of(item.file(),
                    page.line(), Rule.FUTURE_DATE, "the page was read on " + day + ", after today (" + today + ")")));
        }

        private void checkVerified(Cited item) {
            Verification verified = item.verified();
            if (verified instanceof Verification.Missing) {
                problems.add(Problem.of(item.file(), item.block().line(), Rule.MISSING_VERIFIED,
                        "'" + item.id() + "' needs 'verified: YYYY-MM-DD' (or 'unknown' when no editor could date"
                                + " the check)"));
            } else if (verified instanceof Verification.Unknown unknown) {
                once(item, unknown.line(), Rule.VERIFIED_UNKNOWN,
                        "'" + item.id() + "': verification date unknown; the app marks it as not yet verified."
                                + " Re-check it against its source");
            } else if (verified instanceof Verification.On on) {
                if (on.date().isAfter(today)) {
                    problems.add(Problem.of(item.file(), on.line(), Rule.FUTURE_DATE,
                            "verified " + on.date() + " is after today (" + today + ")"));
                } else if (on.date().plus(recheckAfter).isBefore(today)) {
                    once(item, on.line(), Rule.STALE, "'" + item.id() + "' was last verified on " + on.date()
                            + ", more than " + describe(recheckAfter) + " ago: re-check it");
                }
            }
            // Verification.Unreadable: SourceLoader reported bad-date
        }

        private void checkPhones(SourceItem item) {
            for (PhoneLine phone : item.phones()) {
                if (phone.dialUnknown()) {
                    once(item, phone.line(), Rule.PHONE_UNVERIFIED_FORMAT,
                            "'" + item.id() + "': the international form of " + phone.display() + " is not"
                                    + " established; the app lets people copy it but not call it");
                } else if (!DIAL.matcher(phone.dial()).matches()) {
                    problems.add(Problem.of(item.file(), phone.line(), Rule.PHONE_FORMAT,
                            "'" + phone.dial() + "' is neither E.164 (+ and 7 to 15 digits, e.g. +74959679844) nor"
                                    + " a short code (2 to 6 digits, e.g. 112)"));
                } else if (!digits(phone.dial()).equals(digits(phone.display()))) {
                    problems.add(Problem.of(item.file(), phone.line(), Rule.PHONE_MISMATCH,
                            "dialled " + phone.dial() + " but printed " + phone.display() + ": the printed form must"
                                    + " carry the same digits (write it as +7 (495) 967-98-44 for +74959679844)"));
                }
            }
        }

        private void checkTexts(SourceItem item) {
            Block block = item.block();
            Path file = item.file();
            String titleKey = block.kind().equals("contact") ? "name" : "title";
            Optional<Field> title = block.field(titleKey);
            if (title.isEmpty() || title.get().value().isBlank()) {
                problems.add(Problem.of(file, block.line(), Rule.EMPTY_TEXT,
                        "'" + block.id() + "' needs a " + titleKey));
            }
            if ((block.kind().equals("article") || block.kind().equals("rule")) && block.body().isBlank()) {
                problems.add(Problem.of(file, block.line(), Rule.EMPTY_TEXT,
                        block.kind() + " '" + block.id() + "' has no text after '---'"));
            }
            if (block.kind().equals("rule") && block.value("missed", "").isBlank()) {
                problems.add(Problem.of(file, block.line(), Rule.EMPTY_TEXT,
                        "rule '" + block.id() + "' needs 'missed:', what happens when the date is missed (say so"
                                + " when no source tells)"));
            }
            for (String key : List.of("title", "name", "address", "hours", "missed")) {
                block.field(key).ifPresent(f -> checkText(file, f.line(), f.value(), item.language()));
            }
            if (!block.body().isEmpty()) {
                checkText(file, block.bodyLine(), block.body(), item.language());
            }
            if (item.language() == Language.TAJIK) {
                String text = allText(block);
                if (TextChecks.cyrillicLetters(text) >= TAJIK_LETTERS_EXPECTED_FROM && !TextChecks.hasTajikLetter(text)) {
                    problems.add(Problem.of(file, block.line(), Rule.TAJIK_LETTERS_MISSING,
                            "'" + block.id() + "' in Tajik has no ғ ӣ қ ӯ ҳ ҷ at all: is it Russian, or typed"
                                    + " without the Tajik letters?"));
                }
            }
        }

        /** A concept's word: the checks of any text but the glossary's (a concept lists the variants people type). */
        private void checkWord(Path file, int line, String word, Language language) {
            List<TextChecks.Finding> findings = new ArrayList<>(TextChecks.mixedScripts(word));
            if (language == Language.TAJIK) {
                findings.addAll(TextChecks.tajik(word));
            }
            for (TextChecks.Finding finding : findings) {
                if (finding.rule() != Rule.GLOSSARY_TERM) {
                    problems.add(Problem.of(file, line, finding.rule(), finding.message()));
                }
            }
        }

        /** {@code text} starts on {@code firstLine}; findings get the line of their offset. */
        private void checkText(Path file, int firstLine, String text, Language language) {
            List<TextChecks.Finding> findings = new ArrayList<>(TextChecks.mixedScripts(text));
            if (language == Language.TAJIK) {
                findings.addAll(TextChecks.tajik(text));
            }
            for (TextChecks.Finding finding : findings) {
                int line = firstLine + newlinesBefore(text, finding.offset());
                problems.add(Problem.of(file, line, finding.rule(), finding.message()));
            }
        }

        private void checkLinks(SourceItem item) {
            Block block = item.block();
            Matcher m = LINK.matcher(block.body());
            while (m.find()) {
                int line = block.bodyLine() + newlinesBefore(block.body(), m.start());
                Matcher target = LINK_TARGET.matcher(m.group(1).strip());
                if (!target.matches()) {
                    problems.add(Problem.of(item.file(), line, Rule.BAD_LINK,
                            "write a link as [[id]] or [[CC/id]] (e.g. [[TJ/migration-service]]); got " + m.group()));
                    continue;
                }
                String targetCountry = target.group(1) == null ? item.country() : target.group(1);
                if (!ids.getOrDefault(targetCountry, Set.of()).contains(target.group(2))) {
                    problems.add(Problem.of(item.file(), line, Rule.BROKEN_LINK,
                            "link " + m.group() + " points to no item"
                                    + (ids.containsKey(targetCountry) ? "" : " (no country " + targetCountry + ")")));
                }
            }
        }

        /** Numbers belong in 'phone:' lines, where their form is checked; one in running text escapes that. */
        private void checkNumbersInText(SourceItem item) {
            Block block = item.block();
            Set<String> known = phoneDigits.getOrDefault(item.country(), Set.of());
            Matcher m = NUMBER_IN_TEXT.matcher(block.body());
            while (m.find()) {
                if (!known.contains(digits(m.group()))) {
                    problems.add(Problem.of(item.file(), block.bodyLine() + newlinesBefore(block.body(),
                            m.start()), Rule.PHONE_IN_TEXT, "«" + m.group() + "» looks like a phone number that no"
                            + " 'phone:' line of this country carries; put it in a contact's phone: line"));
                }
            }
        }

        private void checkContact(SourceItem item) {
            Block block = item.block();
            Path file = item.file();
            Optional<Field> emergency = block.field("emergency");
            boolean isEmergency = emergency.map(f -> f.value().equals("yes")).orElse(false);
            if (emergency.isPresent() && !Set.of("yes", "no").contains(emergency.get().value())) {
                problems.add(Problem.of(file, emergency.get().line(), Rule.BAD_EMERGENCY,
                        "emergency is 'yes' or 'no'; got " + emergency.get().value()));
            }
            block.field("website").ifPresent(site -> {
                if (!Citation.URL.matcher(site.value()).matches()) {
                    problems.add(Problem.of(file, site.line(), Rule.BAD_WEBSITE,
                            "website must be a full address starting with https:// or http://; got " + site.value()));
                }
            });
            if (block.all("phone").isEmpty() && block.body().isBlank()) {
                problems.add(isEmergency
                        ? Problem.of(file, block.line(), Rule.EMERGENCY_WITHOUT_PHONE,
                                "'" + block.id() + "' is on the emergency card but has no number: add a note after"
                                        + " '---' saying where to find the number")
                        : Problem.of(file, block.line(), Rule.CONTACT_NEEDS_NOTE,
                                "'" + block.id() + "' has no number: add a note after '---' saying where a person"
                                        + " can ask instead"));
            }
        }

        /** A date rule: sane numbers, an article and contacts that exist, and never the home country's own. */
        private void checkRule(SourceItem item) {
            Block block = item.block();
            if (item.country().equals(HOME_COUNTRY)) {
                once(item, block.line(), Rule.HOME_COUNTRY_RULE, "rule '" + item.id() + "' is in " + HOME_COUNTRY
                        + ": the guide's rules are those of the destinations for citizens of Tajikistan, not"
                        + " Tajikistan's rules for foreigners");
            }
            block.field("length").ifPresent(f -> tj.migrantsguide.guide.RuleLength.parse(f.value())
                    .flatMap(tj.migrantsguide.guide.RuleLength::problem)
                    .ifPresent(problem -> once(item, f.line(), Rule.RULE_NUMBER,
                            "'" + item.id() + "': " + problem)));
            Optional<Field> article = block.field("article");
            if (article.isEmpty()) {
                once(item, block.line(), Rule.RULE_ARTICLE,
                        "rule '" + item.id() + "' needs 'article:', the article of " + item.country()
                                + " that explains it");
            } else if (!isOf(item.country(), article.get().value(), "article")) {
                once(item, article.get().line(), Rule.RULE_ARTICLE, "'" + item.id() + "': article '"
                        + article.get().value() + "' is no article of " + item.country());
            }
            for (Field contact : block.all("contact")) {
                if (!isOf(item.country(), contact.value(), "contact")) {
                    once(item, contact.line(), Rule.RULE_CONTACT, "'" + item.id() + "': contact '"
                            + contact.value() + "' is no contact of " + item.country());
                }
            }
        }

        /** Whether {@code country} has an item {@code id} of that kind (in any of its languages). */
        private boolean isOf(String country, String id, String kind) {
            Map<Language, SourceItem> found = items.getOrDefault(country, Map.of()).get(id);
            return found != null && found.values().stream().anyMatch(i -> i.kind().equals(kind));
        }

        private void checkChecklistItems(SourceItem item) {
            Set<String> seen = new HashSet<>();
            for (ChecklistLine line : item.checklist()) {
                if (!seen.add(line.id())) {
                    problems.add(Problem.of(item.file(), line.line(), Rule.DUPLICATE_ITEM,
                            "checklist item id '" + line.id() + "' is used twice in '" + item.id() + "'"));
                }
            }
        }

        /** Same id in every language; facts (stage, kind, numbers, sources, dates, item ids) the same too. */
        private void checkTranslations() {
            for (var country : items.entrySet()) {
                for (var item : country.getValue().entrySet()) {
                    Map<Language, SourceItem> byLanguage = item.getValue();
                    SourceItem reference = byLanguage.values().iterator().next();
                    for (Language language : Language.values()) {
                        SourceItem other = byLanguage.get(language);
                        if (other == null && !filesPresent.contains(country.getKey() + "/" + language.code())) {
                            continue; // SourceLoader reported the whole file as missing; once is enough
                        }
                        if (other == null) {
                            problems.add(Problem.of(reference.file(), reference.block().line(),
                                    Rule.MISSING_TRANSLATION, "'" + item.getKey() + "' has no " + language.code()
                                            + " version in " + country.getKey() + "/" + language.code() + ".txt"));
                        } else if (other != reference) {
                            compareFacts(reference, other);
                        }
                    }
                }
            }
        }

        private void compareFacts(SourceItem reference, SourceItem other) {
            Block want = reference.block();
            Block got = other.block();
            Path path = other.file();
            String where = " in " + reference.language().code() + ".txt";
            if (!want.kind().equals(got.kind())) {
                problems.add(Problem.of(path, got.line(), Rule.TRANSLATION_MISMATCH,
                        "'" + got.id() + "' is a " + got.kind() + " here but a " + want.kind() + where));
                return;
            }
            for (String key : FACT_FIELDS) {
                Optional<Field> a = want.field(key);
                Optional<Field> b = got.field(key);
                if (!a.map(Field::value).equals(b.map(Field::value))) {
                    problems.add(Problem.of(path, b.map(Field::line).orElse(got.line()), Rule.TRANSLATION_MISMATCH,
                            "'" + got.id() + "': " + key + " is " + b.map(f -> "'" + f.value() + "'").orElse("missing")
                                    + " here but " + a.map(f -> "'" + f.value() + "'").orElse("missing") + where));
                }
            }
            compareLists(path, got, "source", values(want, "source", false), values(got, "source", false), where, true);
            compareLists(path, got, "phone", values(want, "phone", true), values(got, "phone", true), where, false);
            compareLists(path, got, "contact", values(want, "contact", false), values(got, "contact", false), where,
                    false);
            if (want.kind().equals("checklist")) {
                List<String> wantIds = reference.checklist().stream().map(ChecklistLine::id).toList();
                List<String> gotIds = other.checklist().stream().map(ChecklistLine::id).toList();
                if (!wantIds.equals(gotIds)) {
                    problems.add(Problem.of(path, got.bodyLine() == 0 ? got.line() : got.bodyLine(),
                            Rule.TRANSLATION_MISMATCH, "checklist '" + got.id() + "' has items " + gotIds
                                    + " here but " + wantIds + where + " (same ids, same order: ticks are kept by id)"));
                }
            }
        }

        private void compareLists(Path path, Block got, String key, List<String> want, List<String> have,
                String where, boolean anyOrder) {
            boolean same = anyOrder ? new TreeSet<>(want).equals(new TreeSet<>(have)) && want.size() == have.size()
                    : want.equals(have);
            if (!same) {
                int line = got.all(key).stream().map(Field::line).findFirst().orElse(got.line());
                problems.add(Problem.of(path, line, Rule.TRANSLATION_MISMATCH,
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
                    boolean hasCard = content.items().stream()
                            .anyMatch(i -> i.country().equals(country.id()) && i.kind().equals("contact")
                                    && i.block().value("emergency", "no").equals("yes"));
                    if (!hasCard) {
                        problems.add(Problem.of(file.path(), country.line(), Rule.NO_EMERGENCY_CARD,
                                "country " + country.id() + " has no contact with 'emergency: yes'"));
                    }
                }
            }
        }

        /**
         * Facts are the same in all languages (checked apart), so a problem with one (a warning about a date, a
         * quote not on its line) is shown in one file only.
         */
        private void once(Cited item, int line, Rule rule, String message) {
            if (warnedFacts.add(item.scope() + "/" + item.id() + "/" + rule.code() + "/" + message)) {
                problems.add(Problem.of(item.file(), line, rule, message));
            }
        }
    }

    private static List<String> values(Block block, String key, boolean normaliseSpaces) {
        return block.all(key).stream().map(Field::value)
                .map(v -> normaliseSpaces ? v.replaceAll("\\s+", " ") : v).toList();
    }

    private static String allText(Block block) {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("title", "name", "address", "hours", "missed")) {
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

    private static String countryOf(Path file) {
        return file.getParent().getFileName().toString();
    }

    private static Language languageOf(Path path) {
        String name = path.getFileName().toString();
        for (Language language : Language.values()) {
            if (name.equals(language.code() + ".txt")) {
                return language;
            }
        }
        return null;
    }
}
