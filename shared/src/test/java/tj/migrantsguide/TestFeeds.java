package tj.migrantsguide;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedKey;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.Stage;

/** Small real feeds written to a folder, signed with the development key, for tests that need one. */
public final class TestFeeds {
    public static final Instant PUBLISHED = Instant.parse("2026-11-01T00:00:00Z");
    public static final Instant EXPIRES = PUBLISHED.plusSeconds(180L * 24 * 3600);

    private TestFeeds() {}

    public static CountryPack russia(Language language, String registrationTitle) {
        Article article = new Article("registration-15-days", "RU", Stage.ABROAD, language, registrationTitle,
                "Body in " + language.code(), List.of("004_48969e50023832c2.txt:31"),
                Optional.of(LocalDate.of(2026, 11, 23)), 1);
        Contact hotline = new Contact("trafficking-hotline-227", "RU", ContactKind.HOTLINE, language,
                "Hotline " + language.code(), List.of(new Phone("", "227-07-07-07")), "", "", "", "", "", "",
                List.of("001_83c9d57138334d54.txt:461"), Optional.of(LocalDate.of(2026, 11, 23)), true, 2);
        Checklist checklist = new Checklist("before-you-leave", "RU", Stage.BEFORE_DEPARTURE, language,
                "Before you leave (" + language.code() + ")",
                List.of(new ChecklistItem("foreign-passport", "Passport " + language.code()),
                        new ChecklistItem("save-hotlines", "Hotlines " + language.code())),
                List.of("003_5c830b3d50b4aed2.txt:65"), Optional.of(LocalDate.of(2026, 11, 23)), 3);
        return new CountryPack("RU", language, List.of(article), List.of(hotline), List.of(checklist));
    }

    public static CommonPack common() {
        return new CommonPack(List.of(new Country("RU",
                Map.of(Language.TAJIK, "Федератсияи Россия", Language.RUSSIAN, "Россия", Language.ENGLISH, "Russia"),
                10)));
    }

    /** Writes a feed of the given version holding Russia in all three languages; returns its folder. */
    public static Path writeFeed(Path folder, long version, String registrationTitle) throws IOException {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            titles.put(language, registrationTitle + " (" + language.code() + ")");
        }
        write(folder, version, PUBLISHED, EXPIRES, titles, List.of(TestKeys.development()), List.of());
        return folder;
    }

    /** A feed of Russia's packs carrying the date rules each {@code rules} gives for a language. */
    public static Path writeFeedWithRules(Path folder, long version,
            java.util.function.Function<Language, List<tj.migrantsguide.guide.DateRule>> rules) throws IOException {
        List<CountryPack> packs = new ArrayList<>();
        for (Language language : Language.values()) {
            CountryPack p = russia(language, "Register (" + language.code() + ")");
            packs.add(new CountryPack(p.countryCode(), p.language(), p.articles(), p.contacts(), p.checklists(),
                    rules.apply(language)));
        }
        FeedWriter.write(folder, version, PUBLISHED, EXPIRES, common(), packs, List.of(),
                List.of(TestKeys.development()));
        return folder;
    }

    /** The title of the registration article per language: change one language to change one pack. */
    public static FeedIndex write(Path folder, long version, Instant published, Instant expires,
            Map<Language, String> titles, List<SigningKey> signers, List<FeedKey> nextKeys) throws IOException {
        List<CountryPack> packs = new ArrayList<>();
        for (Language language : Language.values()) {
            packs.add(russia(language, titles.get(language)));
        }
        return FeedWriter.write(folder, version, published, expires, common(), packs, nextKeys, signers);
    }

    public static Map<Language, String> titles(String tg, String ru, String en) {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        titles.put(Language.TAJIK, tg);
        titles.put(Language.RUSSIAN, ru);
        titles.put(Language.ENGLISH, en);
        return titles;
    }
}
