package tj.migrantsguide.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.PackEntry;
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
 * Content for store tests, built in memory. Texts come from content/guide/RU; the phone numbers are the real ones
 * cited (001_83c9d57138334d54.txt:461, /work/shared/data/official-contacts-found.md:20).
 */
final class Packs {
    static final Instant PUBLISHED = Instant.parse("2026-11-01T00:00:00Z");
    static final Optional<LocalDate> VERIFIED = Optional.of(LocalDate.of(2026, 11, 23));
    static final List<String> SOURCE = List.of("004_48969e50023832c2.txt:31");

    private Packs() {}

    static Article article(String id, Language language, String title, String body, int order) {
        return new Article(id, "RU", Stage.ABROAD, language, title, body, SOURCE, VERIFIED, order);
    }

    static Contact contact(String id, Language language, String name, String note, Phone phone, int order) {
        return new Contact(id, "RU", ContactKind.HOTLINE, language, name, List.of(phone), "", "", "", "", "", note,
                List.of("001_83c9d57138334d54.txt:461"), VERIFIED, true, order);
    }

    static Checklist checklist(String id, Language language, String title, List<ChecklistItem> items) {
        return new Checklist(id, "RU", Stage.BEFORE_DEPARTURE, language, title, items,
                List.of("003_5c830b3d50b4aed2.txt:65"), VERIFIED, 5);
    }

    static Country russia() {
        return new Country("RU", Map.of(Language.TAJIK, "Федератсияи Россия", Language.RUSSIAN, "Россия",
                Language.ENGLISH, "Russia"), 10);
    }

    /** A feed of {@code version} holding these packs (and the common pack of the given countries). */
    static Feed feed(long version, List<Country> countries, List<CountryPack> packs) {
        return feed(version, new CommonPack(countries), packs);
    }

    /** A feed of {@code version} holding these packs and this common pack (countries and concept table). */
    static Feed feed(long version, CommonPack common, List<CountryPack> packs) {
        List<PackEntry> entries = new ArrayList<>();
        entries.add(entry(PackEntry.COMMON, common.toString()));
        for (CountryPack pack : packs) {
            entries.add(entry(pack.packName(), pack.toString()));
        }
        FeedIndex index = new FeedIndex(FeedIndex.FORMAT, version, PUBLISHED, PUBLISHED.plusSeconds(180L * 86_400),
                entries);
        return new Feed(index, common, packs);
    }

    static Feed feed(long version, List<CountryPack> packs) {
        return feed(version, List.of(russia()), packs);
    }

    /** The entry of a pack: its hash stands for its content, as in a published feed. */
    private static PackEntry entry(String name, String content) {
        String sha = FeedReader.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
        return new PackEntry(name, "packs/" + sha + ".json", content.length(), sha);
    }

    /** The Russia packs the search tests look in. */
    static List<CountryPack> russiaForSearch() {
        CountryPack tajik = new CountryPack("RU", Language.TAJIK, List.of(
                article("registration-15-days", Language.TAJIK,
                        "Дар давоми 15 рӯз ба қайди муҳоҷиратӣ гузошта шавед",
                        "Шаҳрвандони Тоҷикистон метавонанд дар Федератсияи Россия 15 рӯз пас аз ворид шудан бе"
                                + " қайди муҳоҷиратӣ бошанд.", 1),
                article("documents", Language.TAJIK, "Ҳуҷҷатҳое, ки бо худ доред",
                        "Шиносномаи хориҷӣ ва дигар ҳуҷҷатҳоро дар ҷои бехатар нигоҳ доред.", 2),
                article("law", Language.TAJIK, "Қонун дар бораи муҳоҷират",
                        "Ҳуқуқҳои худро донед.", 3)),
                List.of(contact("trafficking-hotline-227", Language.TAJIK,
                        "Хати боварии мубориза бо савдои одамон (Тоҷикистон)",
                        "Дар бораи ҷиноят хабар диҳед ё маслиҳат гиред.", new Phone("", "227-07-07-07"), 4)),
                List.of(checklist("before-you-leave", Language.TAJIK, "Пеш аз сафар", List.of(
                        new ChecklistItem("foreign-passport", "Шиносномаи хориҷӣ гиред: шиносномаи шаҳрванди"
                                + " Ҷумҳурии Тоҷикистон (ID) танҳо дар дохили кишвар эътибор дорад."),
                        new ChecklistItem("save-hotlines", "Рақамҳои хатҳои боварии мубориза бо савдои одамонро"
                                + " дар телефон ва дар коғаз нигоҳ доред.")))));
        CountryPack russian = new CountryPack("RU", Language.RUSSIAN, List.of(
                // In guide order the body match comes first: ranking must still put the title match first.
                article("taxes", Language.RUSSIAN, "Налоги",
                        "Пока действует патент, налог на доходы уже оплачен авансом.", 1),
                article("work-patent", Language.RUSSIAN, "Патент на работу",
                        "Чтобы работать у частного лица или в компании, нужен документ.", 2),
                article("registration-15-days", Language.RUSSIAN,
                        "Встаньте на миграционный учёт в течение 15 дней",
                        "Граждане Таджикистана могут находиться в России без миграционного учёта 15 дней после"
                                + " въезда.", 3)),
                List.of(contact("trafficking-hotline-227", Language.RUSSIAN,
                                "Горячая линия по борьбе с торговлей людьми (Таджикистан)",
                                "Сообщите о преступлении или получите совет.", new Phone("", "227-07-07-07"), 4),
                        new Contact("ministry-office-moscow", "RU", ContactKind.MINISTRY_OFFICE, Language.RUSSIAN,
                                "Представительство Министерства труда, миграции и занятости РТ в РФ",
                                List.of(new Phone("+74959679844", "+7(495)967-98-44")), "", "", "", "", "", "",
                                List.of("official-contacts-found.md:20"), VERIFIED, false, 5)),
                List.of(checklist("before-you-leave", Language.RUSSIAN, "Перед отъездом", List.of(
                        new ChecklistItem("foreign-passport", "Получите заграничный паспорт: паспорт гражданина"
                                + " Таджикистана (ID) действует только внутри страны."),
                        new ChecklistItem("save-hotlines", "Сохраните номера горячих линий по борьбе с торговлей"
                                + " людьми в телефоне и на бумаге.")))));
        CountryPack english = new CountryPack("RU", Language.ENGLISH, List.of(
                article("registration-15-days", Language.ENGLISH, "Register within 15 days",
                        "Citizens of Tajikistan may stay in Russia without migration registration for 15 days"
                                + " after entry.", 1)),
                List.of(), List.of());
        return List.of(tajik, russian, english);
    }
}
