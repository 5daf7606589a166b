package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.TestRules;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.RuleLength;
import tj.migrantsguide.store.ItemChange.Change;
import tj.migrantsguide.store.ItemChange.Field;
import tj.migrantsguide.store.ItemChange.NumberChange;

/** What an update changed, recorded with the update, read back item by item and per language. */
class ChangesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private static CountryPack russian(List<Article> articles, List<Contact> contacts, List<ChecklistItem> items) {
        return new CountryPack("RU", Language.RUSSIAN, articles, contacts,
                List.of(Packs.checklist("before-you-leave", Language.RUSSIAN, "Перед отъездом", items)));
    }

    private static final Article PATENT = Packs.article("work-patent", Language.RUSSIAN, "Патент на работу",
            "Чтобы работать у частного лица или в компании, нужен документ.", 1);
    private static final Article TAXES = Packs.article("taxes", Language.RUSSIAN, "Налоги",
            "Пока действует патент, налог на доходы уже оплачен авансом.", 2);
    private static final Article REGISTRATION = Packs.article("registration-15-days", Language.RUSSIAN,
            "Встаньте на миграционный учёт в течение 15 дней", "Граждане Таджикистана могут находиться в России без"
                    + " миграционного учёта 15 дней после въезда.", 3);
    private static final Contact HOTLINE = Packs.contact("trafficking-hotline-227", Language.RUSSIAN,
            "Горячая линия", "Сообщите о преступлении.", new Phone("", "227-07-07-07"), 4);
    private static final ChecklistItem PASSPORT = new ChecklistItem("foreign-passport", "Получите заграничный паспорт.");
    private static final ChecklistItem HOTLINES = new ChecklistItem("save-hotlines", "Сохраните номера горячих линий.");

    private static Feed version1() {
        return Packs.feed(1, List.of(russian(List.of(PATENT, TAXES), List.of(HOTLINE), List.of(PASSPORT, HOTLINES))));
    }

    /** Taxes removed, registration added, the hotline's number changed, a checklist line gone, the patent reworded. */
    private static Feed version2() {
        Article patent = Packs.article("work-patent", Language.RUSSIAN, "Патент на работу",
                "Чтобы работать у частного лица или в компании, нужен патент.", 1);
        Contact hotline = Packs.contact("trafficking-hotline-227", Language.RUSSIAN, "Горячая линия",
                "Сообщите о преступлении.", new Phone("", "227-07-07-08"), 4);
        return Packs.feed(2, List.of(russian(List.of(patent, REGISTRATION), List.of(hotline), List.of(PASSPORT))));
    }

    private static ContentUpdate whole(Feed feed, GuideStore store) {
        return ContentUpdate.whole(feed, store.installedPacks().keySet());
    }

    @Test
    void theFirstInstallOfADeviceRecordsNothing() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());

            assertEquals(List.of(), store.changes(0, Optional.empty()));
        }
    }

    @Test
    void anUpdateRecordsEachAddedRemovedAndChangedItemOnce() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            store.apply(whole(version2(), store));

            List<ContentChanges> updates = store.changes(0, Optional.of(Language.RUSSIAN));
            assertEquals(1, updates.size());
            ContentChanges update = updates.get(0);
            assertEquals(1, update.fromVersion());
            assertEquals(2, update.toVersion());
            assertEquals(ContentChanges.Kind.UPDATE, update.kind());
            assertEquals(CLOCK.instant(), update.installedAt());

            ItemChange patent = only(update, "work-patent");
            assertEquals(Change.CHANGED, patent.change());
            assertEquals(List.of(Field.BODY), patent.fields().stream().map(ItemChange.FieldChange::field).toList());
            assertEquals("Чтобы работать у частного лица или в компании, нужен [-документ-]{+патент+}.",
                    patent.fields().get(0).text().marked());

            assertEquals(Change.REMOVED, only(update, "taxes").change());
            assertEquals("Налоги", only(update, "taxes").title());
            assertEquals(Change.ADDED, only(update, "registration-15-days").change());

            ItemChange hotline = only(update, "trafficking-hotline-227");
            assertEquals(List.of(new NumberChange(Change.CHANGED, Optional.of("227-07-07-07"),
                    Optional.of("227-07-07-08"))), hotline.numbers());

            ItemChange checklist = only(update, "before-you-leave");
            assertEquals(1, checklist.lines().size());
            assertEquals(Change.REMOVED, checklist.lines().get(0).change());
            assertEquals("save-hotlines", checklist.lines().get(0).itemId());

            assertEquals(5, update.items().size());
            assertEquals(new ContentChanges.Summary(3, 1, 1, 1, 0), update.summary(Language.RUSSIAN));
            assertEquals("3 articles, 1 checklist, 1 contact, 1 phone number changed",
                    update.summary(Language.RUSSIAN).describe());
        }
    }

    @Test
    void numbersComeFirstThenThePersonsOwnItems() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            store.apply(whole(version2(), store));
            ContentChanges update = store.changes(0, Optional.empty()).get(0);

            List<String> order = update.forReading(Language.RUSSIAN,
                    ref -> ref.id().equals("before-you-leave")).stream().map(ItemChange::id).toList();

            // Within each group, guide order: changed and added items as the new guide has them, removed ones after.
            assertEquals(List.of("trafficking-hotline-227", "before-you-leave", "work-patent", "registration-15-days",
                    "taxes"), order);
        }
    }

    @Test
    void eachLanguageHasItsOwnChanges() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            store.apply(whole(version2(), store));

            assertEquals(List.of(), store.changes(0, Optional.of(Language.TAJIK)).get(0).items());
            assertEquals(5, store.changes(0, Optional.empty()).get(0).items().size());
        }
    }

    @Test
    void updatesComeNewestFirstAndSinceLeavesOutOlderOnes() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            store.apply(whole(version2(), store));
            store.apply(whole(Packs.feed(3, List.of(russian(List.of(TAXES), List.of(), List.of()))), store));

            assertEquals(List.of(3L, 2L), store.changes(0, Optional.empty()).stream()
                    .map(ContentChanges::toVersion).toList());
            assertEquals(List.of(3L), store.changes(2, Optional.empty()).stream()
                    .map(ContentChanges::toVersion).toList());
        }
    }

    @Test
    void aRemovedPackListsItsItemsAsRemoved() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            store.apply(whole(Packs.feed(2, List.of()), store));

            List<ItemChange> items = store.changes(0, Optional.empty()).get(0).items();
            assertEquals(4, items.size());
            assertTrue(items.stream().allMatch(i -> i.change() == Change.REMOVED), items.toString());
            assertEquals(List.of(new NumberChange(Change.REMOVED, Optional.of("227-07-07-07"), Optional.empty())),
                    items.stream().filter(ItemChange::touchesNumbers).findFirst().orElseThrow().numbers());
        }
    }

    @Test
    void aNewCheckDateAloneIsListedButNotCounted() {
        Article checkedAgain = new Article(PATENT.id(), "RU", PATENT.stage(), Language.RUSSIAN, PATENT.title(),
                PATENT.body(), PATENT.sources(), Optional.of(java.time.LocalDate.of(2026, 12, 1)), 1);
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            store.apply(whole(Packs.feed(2, List.of(russian(List.of(checkedAgain, TAXES), List.of(HOTLINE),
                    List.of(PASSPORT, HOTLINES)))), store));

            ContentChanges update = store.changes(0, Optional.empty()).get(0);
            assertEquals(List.of(Field.CHECKED), only(update, "work-patent").fields().stream()
                    .map(ItemChange.FieldChange::field).toList());
            assertTrue(update.summary(Language.RUSSIAN).isEmpty());
        }
    }

    @Test
    void aRefusedUpdateRecordsNothing() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            Feed v2 = version2();
            // Leaves out the pack whose hash changed: refused before anything is written.
            ContentUpdate partial = new ContentUpdate(v2.index(), Optional.empty(), List.of(), java.util.Set.of());

            assertThrows(IllegalArgumentException.class, () -> store.apply(partial));
            assertEquals(List.of(), store.changes(0, Optional.empty()));
        }
    }

    @Test
    void anUpdateThatFailsInTheDatabaseRecordsNothing() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            // Two articles with one id in one language: the primary key refuses the insert, after the change list
            // was computed and before the commit.
            Feed broken = Packs.feed(2, List.of(russian(List.of(PATENT, PATENT), List.of(HOTLINE), List.of())));

            assertThrows(StoreException.class, () -> store.apply(whole(broken, store)));
            assertEquals(List.of(), store.changes(0, Optional.empty()));
            assertEquals(1, store.installedFeed().orElseThrow().version());
        }
    }

    @Test
    void aContentFileRebuiltAfterDamageSaysSoInsteadOfListingTheGuideAsNew() throws Exception {
        Path data = temp.resolve("data");
        try (GuideStore store = GuideStore.open(data, CLOCK)) {
            store.install(version1());
            store.apply(whole(version2(), store));
        }
        Files.write(data.resolve("content.db"), new byte[4096]);
        try (GuideStore store = GuideStore.open(data, CLOCK)) {
            store.install(version1());

            List<ContentChanges> updates = store.changes(0, Optional.empty());
            assertEquals(1, updates.size());
            assertEquals(ContentChanges.Kind.REBUILT, updates.get(0).kind());
            assertEquals(1, updates.get(0).toVersion());
            assertEquals(List.of(), updates.get(0).items());
        }
    }

    @Test
    void whereTheContentCameFromIsKeptWithIt() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1(), new ContentUpdate.Source(Provenance.Origin.APP, Optional.empty(),
                    Optional.of("06118ee4aaaa")));
            assertEquals(new Provenance(1, CLOCK.instant(), Provenance.Origin.APP, Optional.of("06118ee4aaaa"),
                    Optional.empty()), store.provenance().orElseThrow());

            store.apply(whole(version2(), store).from(new ContentUpdate.Source(Provenance.Origin.NETWORK,
                    Optional.of("http://192.168.1.20:8765/"), Optional.of("06118ee4bbbb"))));
            Provenance now = store.provenance().orElseThrow();
            assertEquals(Optional.of("192.168.1.20"), now.place());
            assertEquals(Optional.of("06118ee4"), now.shortKeyId());
            assertEquals(2, now.version());
        }
    }

    @Test
    void aDeadlineRuleWhoseLengthChangedIsListedRightAfterTheNumbers() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(withRule(version1(), TestRules.russia(Language.RUSSIAN)));
            store.apply(whole(withRule(version2(), TestRules.russia(Language.RUSSIAN,
                    new RuleLength.CalendarDays(30))), store));
            ContentChanges update = store.changes(0, Optional.empty()).get(0);

            ItemChange rule = only(update, "register-stay-ru");
            assertEquals(ItemKind.RULE, rule.kind());
            assertEquals(Change.CHANGED, rule.change());
            assertEquals(List.of(Field.LENGTH), rule.fields().stream().map(ItemChange.FieldChange::field).toList());
            assertEquals("15 calendar-days", rule.fields().get(0).text().before());
            assertEquals("30 calendar-days", rule.fields().get(0).text().after());
            assertEquals(1, update.summary(Language.RUSSIAN).rules());
            assertEquals(List.of("trafficking-hotline-227", "register-stay-ru"), update.forReading(Language.RUSSIAN,
                    ref -> false).stream().map(ItemChange::id).limit(2).toList());
        }
    }

    @Test
    void anAddedAndARemovedRuleAreListedAsSuch() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(withRule(version1(), TestRules.russia(Language.RUSSIAN)));
            store.apply(whole(version2(), store));
            assertEquals(Change.REMOVED, only(store.changes(0, Optional.empty()).get(0), "register-stay-ru").change());

            store.apply(whole(Packs.feed(3, withRule(version2(), TestRules.russia(Language.RUSSIAN)).countryPacks()),
                    store));
            ContentChanges added = store.changes(0, Optional.empty()).get(0);
            assertEquals(3, added.toVersion());
            assertEquals(Change.ADDED, only(added, "register-stay-ru").change());
        }
    }

    @Test
    void linkMarkupIsNeitherShownNorCountedAsAChange() {
        Article linked = Packs.article("work-patent", Language.RUSSIAN, "Патент на работу",
                "Чтобы работать у частного лица или в компании, нужен документ. [[registration-15-days]]", 1);
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(version1());
            store.apply(whole(Packs.feed(2, List.of(russian(List.of(linked, TAXES), List.of(HOTLINE),
                    List.of(PASSPORT, HOTLINES)))), store));
            assertTrue(store.changes(0, Optional.empty()).get(0).items().isEmpty());

            Article reworded = Packs.article("work-patent", Language.RUSSIAN, "Патент на работу",
                    "Чтобы работать, нужен патент. [[registration-15-days]]", 1);
            store.apply(whole(Packs.feed(3, List.of(russian(List.of(reworded, TAXES), List.of(HOTLINE),
                    List.of(PASSPORT, HOTLINES)))), store));
            String marked = only(store.changes(0, Optional.empty()).get(0), "work-patent").fields().get(0).text()
                    .marked();
            assertTrue(!marked.contains("[["), marked);
        }
    }

    /** The feed with {@code rule} added to its Russian pack. */
    private static Feed withRule(Feed feed, DateRule rule) {
        List<CountryPack> packs = feed.countryPacks().stream().map(p -> new CountryPack(p.countryCode(), p.language(),
                p.articles(), p.contacts(), p.checklists(), List.of(rule))).toList();
        return Packs.feed(feed.index().version(), packs);
    }

    private static ItemChange only(ContentChanges update, String id) {
        List<ItemChange> found = new ArrayList<>();
        update.items().stream().filter(i -> i.id().equals(id)).forEach(found::add);
        assertEquals(1, found.size(), id + " in " + update.items());
        return found.get(0);
    }
}
