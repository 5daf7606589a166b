package tj.migrantsguide.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the guide repaired at a start, kept until the person has seen it ({@link UserData#markSeen}): a damaged
 * content file is rebuilt from the content inside the app; a damaged user file is replaced by a fresh one holding
 * every row that could still be read, the damaged file kept beside it.
 *
 * @param contentDamage what was wrong with the content file, when it was rebuilt
 * @param userDataDamage what was wrong with the user file, when it was replaced
 * @param recoveredRows rows copied from the damaged user file, per table ("tick", "bookmark", "person"…)
 * @param lostRows rows the damaged file held that could not be carried over, per table, where they could be counted
 * @param uncountedTables tables whose rows could not even be counted in the damaged file: an unknown number lost
 * @param keptAsideAs the damaged user file's new name in the data folder, when it was set aside
 */
public record RecoveryNotice(
        long id,
        Instant when,
        Optional<Damage> contentDamage,
        Optional<Damage> userDataDamage,
        Map<String, Integer> recoveredRows,
        Map<String, Integer> lostRows,
        Set<String> uncountedTables,
        Optional<String> keptAsideAs) {
    /** The tables a person knows, in the order the notice names them, with the words for their rows. */
    private static final List<Map.Entry<String, String>> NAMED = List.of(
            Map.entry("person", "people"), Map.entry("tick", "ticks"), Map.entry("bookmark", "bookmarks"),
            Map.entry("setting", "settings"), Map.entry("question", "questions"),
            Map.entry("question_deletion", "deletions to send"), Map.entry("recent_item", "recently viewed items"));

    public RecoveryNotice {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(contentDamage, "contentDamage");
        Objects.requireNonNull(userDataDamage, "userDataDamage");
        recoveredRows = Map.copyOf(recoveredRows);
        lostRows = Map.copyOf(lostRows);
        uncountedTables = Set.copyOf(uncountedTables);
        Objects.requireNonNull(keptAsideAs, "keptAsideAs");
    }

    public int lostTicks() {
        return lostRows.getOrDefault("tick", 0);
    }

    public int recoveredQuestions() {
        return recoveredRows.getOrDefault("question", 0);
    }

    public int lostQuestions() {
        return lostRows.getOrDefault("question", 0);
    }

    /** Whether the install's token (it reads the answers to the questions sent) came through. */
    public boolean deviceTokenRecovered() {
        return recoveredRows.getOrDefault("question_device", 0) > 0;
    }

    public boolean contentRestored() {
        return contentDamage.isPresent();
    }

    public int recoveredTicks() {
        return recoveredRows.getOrDefault("tick", 0);
    }

    public int recoveredBookmarks() {
        return recoveredRows.getOrDefault("bookmark", 0);
    }

    public int recoveredPeople() {
        return recoveredRows.getOrDefault("person", 0);
    }

    /** In English, for the command line and logs; the window words it in the reader's language. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        userDataDamage.ifPresent(damage -> {
            StringBuilder text = new StringBuilder("Your data file was damaged (" + label(damage) + ")");
            if (recoveredRows.isEmpty()) {
                text.append("; nothing could be recovered from it");
            } else {
                List<String> kept = new ArrayList<>();
                List<String> lost = new ArrayList<>();
                for (Map.Entry<String, String> table : NAMED) {
                    int recovered = recoveredRows.getOrDefault(table.getKey(), 0);
                    if (recovered > 0) {
                        kept.add(recovered + " " + table.getValue());
                    }
                    if (lostRows.getOrDefault(table.getKey(), 0) > 0) {
                        lost.add(lostRows.get(table.getKey()) + " " + table.getValue());
                    } else if (uncountedTables.contains(table.getKey())) {
                        lost.add("an unknown number of " + table.getValue());
                    }
                }
                if (deviceTokenRecovered()) {
                    kept.add("the device token");
                } else if (lostRows.containsKey("question_device") || uncountedTables.contains("question_device")) {
                    lost.add("the device token (answers to questions sent before cannot be fetched)");
                }
                text.append("; kept: ").append(String.join(", ", kept))
                        .append("; lost: ").append(lost.isEmpty() ? "nothing" : String.join(", ", lost));
            }
            keptAsideAs.ifPresent(name -> text.append(". The damaged file was kept as ").append(name));
            parts.add(text.append('.').toString());
        });
        contentDamage.ifPresent(damage -> parts.add("The guide's content file was damaged (" + label(damage)
                + ") and was restored from the content built into the app; updates will be downloaded again."));
        return String.join(" ", parts);
    }

    private static String label(Damage damage) {
        return damage.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
