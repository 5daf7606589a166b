package tj.migrantsguide.content.lint;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * (the {@code rule} of a {@link Problem}); errors stop the publisher, warnings ask an editor to look.
 */
public final class Linter {
    /** A fact not checked for this long is flagged for re-checking. */
    public static final Period RECHECK_AFTER = Period.ofMonths(12);

    private static final Pattern DIAL = Pattern.compile("^(\\+[1-9][0-9]{6,14}|[0-9]{2,6})$");
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\]]*)]]");
    private static final Set<String> NEEDS_SOURCE = Set.of("article", "contact", "checklist");

    private final Clock clock;

    public Linter(Clock clock) {
        this.clock = clock;
    }

    public List<Problem> lint(EditorialContent content) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        // id -> languages it appears in, per country folder; and where it was first seen
        Map<String, Map<String, Set<String>>> idsByCountry = new LinkedHashMap<>();
        Map<String, Block> firstSeen = new HashMap<>();
        Map<String, SourceFile> firstSeenFile = new HashMap<>();

        for (SourceFile file : content.files()) {
            String language = languageOf(file.path());
            if (language == null) {
                continue; // feed.txt, countries.txt
            }
            String country = file.path().getParent().getFileName().toString();
            Set<String> idsInFile = new HashSet<>();
            for (Block block : file.blocks()) {
                if (!idsInFile.add(block.id())) {
                    problems.add(Problem.error(file.path(), block.line(), "duplicate-id",
                            "id '" + block.id() + "' is used twice in this file"));
                }
                idsByCountry.computeIfAbsent(country, k -> new LinkedHashMap<>())
                        .computeIfAbsent(block.id(), k -> new HashSet<>()).add(language);
                firstSeen.putIfAbsent(country + "/" + block.id(), block);
                firstSeenFile.putIfAbsent(country + "/" + block.id(), file);
                checkBlock(file, block, today, problems);
            }
        }
        for (var country : idsByCountry.entrySet()) {
            for (var id : country.getValue().entrySet()) {
                for (Language language : Language.values()) {
                    if (!id.getValue().contains(language.code())) {
                        String key = country.getKey() + "/" + id.getKey();
                        problems.add(Problem.error(firstSeenFile.get(key).path(), firstSeen.get(key).line(),
                                "missing-translation", "'" + id.getKey() + "' has no " + language.code()
                                        + " version in " + country.getKey() + "/" + language.code() + ".txt"));
                    }
                }
            }
        }
        checkLinks(content, idsByCountry, problems);
        return problems;
    }

    private void checkBlock(SourceFile file, Block block, LocalDate today, List<Problem> problems) {
        Path path = file.path();
        if (NEEDS_SOURCE.contains(block.kind()) && block.all("source").isEmpty()) {
            problems.add(Problem.error(path, block.line(), "missing-source",
                    "'" + block.id() + "' needs at least one 'source:' line"));
        }
        Field verified = block.field("verified").orElse(null);
        if (verified == null) {
            problems.add(Problem.error(path, block.line(), "missing-verified",
                    "'" + block.id() + "' needs 'verified: YYYY-MM-DD' (or 'unknown' when the source has no date)"));
        } else if (verified.value().equals(SourceLoader.UNKNOWN_DATE)) {
            problems.add(Problem.warning(path, verified.line(), "recheck",
                    "'" + block.id() + "': verification date unknown; re-check against the source"));
        } else {
            try {
                LocalDate date = LocalDate.parse(verified.value());
                if (date.isAfter(today)) {
                    problems.add(Problem.error(path, verified.line(), "future-date",
                            "verified " + date + " is after today (" + today + ")"));
                } else if (date.plus(RECHECK_AFTER).isBefore(today)) {
                    problems.add(Problem.warning(path, verified.line(), "recheck",
                            "'" + block.id() + "' was last verified on " + date + "; re-check it"));
                }
            } catch (DateTimeParseException e) {
                // SourceLoader already reported bad-date.
            }
        }
        for (Field phone : block.all("phone")) {
            String dial = phone.value().split("\\|", 2)[0].strip();
            if (dial.equals(SourceLoader.UNKNOWN_DIAL)) {
                problems.add(Problem.warning(path, phone.line(), "phone-unverified-format",
                        "'" + block.id() + "': the number's international form is not verified; it can be copied"
                                + " but not called from the app"));
            } else if (!DIAL.matcher(dial).matches()) {
                problems.add(Problem.error(path, phone.line(), "phone-format",
                        "'" + dial + "' is neither E.164 (+ and 7 to 15 digits) nor a short code (2 to 6 digits)"));
            }
        }
    }

    private static void checkLinks(
            EditorialContent content, Map<String, Map<String, Set<String>>> idsByCountry, List<Problem> problems) {
        for (SourceFile file : content.files()) {
            if (languageOf(file.path()) == null) {
                continue;
            }
            String country = file.path().getParent().getFileName().toString();
            Set<String> known = idsByCountry.getOrDefault(country, Map.of()).keySet();
            for (Block block : file.blocks()) {
                Matcher m = LINK.matcher(block.body());
                while (m.find()) {
                    String target = m.group(1).strip();
                    String local = target.contains("/") ? target.substring(target.indexOf('/') + 1) : target;
                    String targetCountry = target.contains("/") ? target.substring(0, target.indexOf('/')) : country;
                    Set<String> ids = targetCountry.equals(country)
                            ? known : idsByCountry.getOrDefault(targetCountry, Map.of()).keySet();
                    if (!ids.contains(local)) {
                        problems.add(Problem.error(file.path(), lineOfLink(block, m.start()), "broken-link",
                                "link [[" + target + "]] points to no item"));
                    }
                }
            }
        }
    }

    private static int lineOfLink(Block block, int offset) {
        int line = block.bodyLine();
        for (int i = 0; i < offset; i++) {
            if (block.body().charAt(i) == '\n') {
                line++;
            }
        }
        return line;
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
