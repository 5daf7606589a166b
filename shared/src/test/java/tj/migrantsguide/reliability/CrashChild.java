package tj.migrantsguide.reliability;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import tj.migrantsguide.Guide;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.ItemKind;
import tj.migrantsguide.store.ItemRef;
import tj.migrantsguide.store.UserData;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncResult;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * What {@link CrashTest} kills: one scenario of the app in this (child) JVM, printing a marker line at each point the
 * parent times its kill from.
 *
 * <ul>
 *   <li>{@code import DATA SNAPSHOT}: the first start, {@code Guide.open} installing the snapshot. Prints
 *       {@code OPENING}, then {@code OPENED <version>}.</li>
 *   <li>{@code sync DATA FEED-URL}: one sync. Prints {@code SYNCING}, {@code DOWNLOADED} when the last pack byte
 *       arrived (the install comes next), then {@code SYNCED <result>}.</li>
 *   <li>{@code tick DATA COUNT}: ticks items one by one, with a bookmark and a setting each time; prints
 *       {@code TICKED <i>} after each tick is committed, {@code DONE} at the end.</li>
 *   <li>{@code dates DATA COUNT}: saves personal dates one by one (country {@code C<i>}), each followed by a
 *       computed deadline and a notice written together ({@code PersonalDates.record}); prints {@code DATED <i>}
 *       after both are committed.</li>
 * </ul>
 * After its last line it waits to be killed.
 */
public final class CrashChild {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Path data = Path.of(args[1]);
        switch (args[0]) {
            case "import" -> {
                ChildJvm.say("OPENING");
                try (Guide guide = Guide.open(data, FeedFiles.directory(Path.of(args[2])), clock)) {
                    ChildJvm.say("OPENED " + guide.startReport().installedVersion());
                    ChildJvm.waitToBeKilled();
                }
            }
            case "sync" -> {
                GuideStore store = GuideStore.open(data, clock);
                FeedSource source = FeedSource.of(URI.create(args[2]), new JdkHttpTransport(Duration.ofSeconds(5)),
                        TestKeys.pinnedDevelopment());
                AtomicBoolean downloaded = new AtomicBoolean();
                ChildJvm.say("SYNCING");
                SyncResult result = Sync.run(store, data, source, clock, (done, total) -> {
                    if (total > 0 && done >= total && downloaded.compareAndSet(false, true)) {
                        ChildJvm.say("DOWNLOADED");
                    }
                });
                ChildJvm.say("SYNCED " + result.describe());
                ChildJvm.waitToBeKilled();
            }
            case "tick" -> {
                GuideStore store = GuideStore.open(data, clock);
                UserData user = store.user();
                int count = Integer.parseInt(args[2]);
                for (int i = 0; i < count; i++) {
                    user.setTicked(1, "RU", "before-you-leave", "item-" + i, true);
                    user.bookmark(new ItemRef(ItemKind.ARTICLE, "RU", "article-" + i));
                    user.settings().setTextSize(tj.migrantsguide.store.TextSize.values()[i % 4]);
                    ChildJvm.say("TICKED " + i);
                }
                ChildJvm.say("DONE");
                ChildJvm.waitToBeKilled();
            }
            case "dates" -> {
                GuideStore store = GuideStore.open(data, clock);
                tj.migrantsguide.store.PersonalDates dates = store.user().dates();
                int count = Integer.parseInt(args[2]);
                java.time.LocalDate entry = java.time.LocalDate.of(2026, 11, 1);
                for (int i = 0; i < count; i++) {
                    String country = "C" + i;
                    dates.set(1, country, tj.migrantsguide.guide.DateEvent.ENTRY, entry);
                    dates.record(1, java.util.List.of(new tj.migrantsguide.store.SeenDeadline(1, "rule-" + i, country,
                            tj.migrantsguide.guide.DateEvent.ENTRY, entry, "15 calendar-days", entry.plusDays(15),
                            java.util.Map.of(), false)), java.util.List.of(tj.migrantsguide.store.DateNotice.of(1,
                            "rule-" + i, country, tj.migrantsguide.store.DateNotice.Kind.MOVED, entry.plusDays(30),
                            java.util.Optional.of(entry.plusDays(15)), "30 calendar-days",
                            java.util.Optional.of("15 calendar-days"), java.util.Map.of(), java.util.List.of(),
                            java.util.Optional.empty())));
                    ChildJvm.say("DATED " + i);
                }
                ChildJvm.say("DONE");
                ChildJvm.waitToBeKilled();
            }
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
    }
}
