package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;


import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.testing.FakeClock;

class UserDataTest {
    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));

    private static final ChecklistItem PASSPORT = new ChecklistItem("foreign-passport", "Получите паспорт.");
    private static final ChecklistItem HOTLINES = new ChecklistItem("save-hotlines", "Сохраните номера.");
    private static final ChecklistItem COPIES = new ChecklistItem("copies", "Сделайте копии документов.");

    private static Feed feedWithItems(long version, ChecklistItem... items) {
        Checklist checklist = Packs.checklist("before-you-leave", Language.RUSSIAN, "Перед отъездом", List.of(items));
        return Packs.feed(version, List.of(new CountryPack("RU", Language.RUSSIAN, List.of(), List.of(),
                List.of(checklist))));
    }

    private GuideStore open() {
        return GuideStore.open(temp.resolve("data"), clock);
    }

    @Test
    void aNewDeviceHasOneUnnamedPersonWhoIsCurrent() {
        try (GuideStore store = open()) {
            assertEquals(List.of(new Person(1, "")), store.user().people());
            assertEquals(1, store.user().currentPerson().id());
            assertFalse(store.user().currentPerson().hasName());
        }
    }

    @Test
    void ticksBelongToAPersonAndSurviveARestart() {
        long sister;
        try (GuideStore store = open()) {
            store.install(feedWithItems(1, PASSPORT, HOTLINES));
            sister = store.user().addPerson("  Малика  ").id();
            store.user().setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
            store.user().setTicked(sister, "RU", "before-you-leave", "save-hotlines", true);
            store.user().setTicked(sister, "RU", "before-you-leave", "save-hotlines", true);
        }
        try (GuideStore store = open()) {
            Checklist checklist = store.checklists("RU", Language.RUSSIAN).get(0);
            assertEquals(Set.of("foreign-passport"), store.user().tickedItems(1, "RU", "before-you-leave"));
            assertEquals(Set.of("save-hotlines"), store.user().tickedItems(sister, "RU", "before-you-leave"));
            assertEquals(new ChecklistProgress(1, 2), store.user().progress(sister, checklist));
            assertEquals("Малика", store.user().people().get(1).name());
        }
    }

    @Test
    void progressSurvivesAContentUpdateThatRemovesAnItem() {
        try (GuideStore store = open()) {
            store.install(feedWithItems(1, PASSPORT, HOTLINES, COPIES));
            store.user().setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
            store.user().setTicked(1, "RU", "before-you-leave", "copies", true);

            store.install(feedWithItems(2, PASSPORT, HOTLINES));

            Checklist now = store.checklists("RU", Language.RUSSIAN).get(0);
            assertEquals(new ChecklistProgress(1, 2), store.user().progress(1, now));
            assertTrue(store.user().tickedItems(1, "RU", "before-you-leave").contains("foreign-passport"));

            // The item comes back in a later update: so does its tick.
            store.install(feedWithItems(3, PASSPORT, HOTLINES, COPIES));
            assertEquals(new ChecklistProgress(2, 3),
                    store.user().progress(1, store.checklists("RU", Language.RUSSIAN).get(0)));
        }
    }

    @Test
    void progressIsTheSameInEveryLanguage() {
        try (GuideStore store = open()) {
            store.install(Packs.feed(1, Packs.russiaForSearch()));
            store.user().setTicked(1, "RU", "before-you-leave", "save-hotlines", true);
            for (Language language : Language.values()) {
                List<Checklist> lists = store.checklists("RU", language);
                if (!lists.isEmpty()) {
                    assertEquals(new ChecklistProgress(1, 2), store.user().progress(1, lists.get(0)), language.code());
                }
            }
        }
    }

    @Test
    void resetUnticksOneChecklistOfOnePerson() {
        try (GuideStore store = open()) {
            long brother = store.user().addPerson("Фарҳод").id();
            store.user().setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
            store.user().setTicked(1, "RU", "after-arrival", "registration", true);
            store.user().setTicked(brother, "RU", "before-you-leave", "foreign-passport", true);

            store.user().resetChecklist(1, "RU", "before-you-leave");

            assertEquals(Set.of(), store.user().tickedItems(1, "RU", "before-you-leave"));
            assertEquals(Set.of("registration"), store.user().tickedItems(1, "RU", "after-arrival"));
            assertEquals(Set.of("foreign-passport"), store.user().tickedItems(brother, "RU", "before-you-leave"));
        }
    }

    @Test
    void untickingRemovesOnlyThatItem() {
        try (GuideStore store = open()) {
            store.user().setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
            store.user().setTicked(1, "RU", "before-you-leave", "save-hotlines", true);
            store.user().setTicked(1, "RU", "before-you-leave", "foreign-passport", false);
            assertEquals(Set.of("save-hotlines"), store.user().tickedItems(1, "RU", "before-you-leave"));
        }
    }

    @Test
    void removingAPersonRemovesTheirTicksButTheLastPersonStays() {
        try (GuideStore store = open()) {
            long guest = store.user().addPerson("Меҳмон").id();
            store.user().setTicked(guest, "RU", "before-you-leave", "foreign-passport", true);
            store.user().chooseCurrentPerson(guest);

            store.user().removePerson(guest);

            assertEquals(List.of(new Person(1, "")), store.user().people());
            assertEquals(1, store.user().currentPerson().id());
            assertThrows(UserData.NoSuchPersonException.class,
                    () -> store.user().setTicked(guest, "RU", "before-you-leave", "foreign-passport", true));
            UserData.LastPersonException last = assertThrows(UserData.LastPersonException.class,
                    () -> store.user().removePerson(1));
            assertEquals(1, last.personId());
        }
    }

    @Test
    void peopleCanBeRenamedAndChosenButNotNamedNothing() {
        try (GuideStore store = open()) {
            store.user().renamePerson(1, "Зарина");
            long other = store.user().addPerson("Алишер").id();
            store.user().chooseCurrentPerson(other);
            assertEquals(new Person(other, "Алишер"), store.user().currentPerson());
            assertEquals("Зарина", store.user().people().get(0).name());
            assertThrows(IllegalArgumentException.class, () -> store.user().addPerson("   "));
            assertThrows(UserData.NoSuchPersonException.class, () -> store.user().renamePerson(99, "Ким"));
            assertThrows(UserData.NoSuchPersonException.class, () -> store.user().chooseCurrentPerson(99));
        }
    }

    @Test
    void bookmarksAreListedNewestFirstAndSurviveAnUpdate() {
        ItemRef patent = new ItemRef(ItemKind.ARTICLE, "RU", "work-patent");
        ItemRef hotline = new ItemRef(ItemKind.CONTACT, "RU", "trafficking-hotline-227");
        try (GuideStore store = open()) {
            store.install(Packs.feed(1, Packs.russiaForSearch()));
            store.user().bookmark(patent);
            clock.advance(Duration.ofMinutes(1));
            store.user().bookmark(hotline);
            store.user().bookmark(hotline);
            store.install(Packs.feed(2, List.of()));

            assertEquals(List.of(hotline, patent), store.user().bookmarks().stream().map(Bookmark::item).toList());
            assertTrue(store.user().isBookmarked(patent));
            store.user().removeBookmark(patent);
            assertFalse(store.user().isBookmarked(patent));
            assertEquals(List.of(hotline), store.user().bookmarks().stream().map(Bookmark::item).toList());
        }
    }

    @Test
    void recentItemsKeepTheLatestOpenings() {
        try (GuideStore store = open()) {
            for (int i = 0; i < UserData.RECENT_ITEMS_KEPT + 5; i++) {
                store.user().opened(new ItemRef(ItemKind.ARTICLE, "RU", "article-" + i));
                clock.advance(Duration.ofSeconds(1));
            }
            store.user().opened(new ItemRef(ItemKind.ARTICLE, "RU", "article-10"));

            List<RecentItem> recent = store.user().recentItems();
            assertEquals(UserData.RECENT_ITEMS_KEPT, recent.size());
            assertEquals("article-10", recent.get(0).item().id());
            assertEquals("article-34", recent.get(1).item().id());
            assertFalse(recent.stream().anyMatch(r -> r.item().id().equals("article-4")));
            assertTrue(recent.stream().anyMatch(r -> r.item().id().equals("article-5")));
            store.user().clearRecentItems();
            assertEquals(List.of(), store.user().recentItems());
        }
    }

    @Test
    void settingsAreTypedAndSurviveARestart() {
        try (GuideStore store = open()) {
            Settings settings = store.user().settings();
            assertEquals(Optional.empty(), settings.language());
            assertEquals(TextSize.NORMAL, settings.textSize());
            assertEquals(Theme.LIGHT, settings.theme());
            settings.setLanguage(Language.TAJIK);
            settings.setCountry("RU");
            settings.setTextSize(TextSize.LARGE);
            settings.setTheme(Theme.DARK);
            settings.setWindowBounds(new WindowBounds(10, 20, 420, 860));
            assertThrows(IllegalArgumentException.class, () -> settings.setCountry("russia"));
        }
        try (GuideStore store = open()) {
            Settings settings = store.user().settings();
            assertEquals(Optional.of(Language.TAJIK), settings.language());
            assertEquals(Optional.of("RU"), settings.country());
            assertEquals(TextSize.LARGE, settings.textSize());
            assertEquals(Theme.DARK, settings.theme());
            assertEquals(Optional.of(new WindowBounds(10, 20, 420, 860)), settings.windowBounds());
        }
    }

    @Test
    void aSettingWrittenByAnotherVersionReadsAsNotSet() {
        try (GuideStore store = open()) {
            Settings settings = store.user().settings();
            settings.put("text-size", "ENORMOUS");
            settings.put("window", "a,b");
            settings.put("language", "fr");
            assertEquals(TextSize.NORMAL, settings.textSize());
            assertEquals(Optional.empty(), settings.windowBounds());
            assertEquals(Optional.empty(), settings.language());
        }
    }
}
