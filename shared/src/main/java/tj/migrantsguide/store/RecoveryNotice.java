package tj.migrantsguide.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the guide repaired at a start, kept until the person has seen it ({@link UserData#markSeen}): a damaged
 * content file is rebuilt from the content inside the app; a damaged user file is replaced by a fresh one holding
 * every row that could still be read, the damaged file kept beside it.
 *
 * @param contentDamage what was wrong with the content file, when it was rebuilt
 * @param userDataDamage what was wrong with the user file, when it was replaced
 * @param recoveredRows rows copied from the damaged user file, per table ("tick", "bookmark", "person"…)
 * @param keptAsideAs the damaged user file's new name in the data folder, when it was set aside
 */
public record RecoveryNotice(
        long id,
        Instant when,
        Optional<Damage> contentDamage,
        Optional<Damage> userDataDamage,
        Map<String, Integer> recoveredRows,
        Optional<String> keptAsideAs) {
    public RecoveryNotice {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(contentDamage, "contentDamage");
        Objects.requireNonNull(userDataDamage, "userDataDamage");
        recoveredRows = Map.copyOf(recoveredRows);
        Objects.requireNonNull(keptAsideAs, "keptAsideAs");
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
                text.append("; recovered: ").append(recoveredTicks()).append(" ticks, ")
                        .append(recoveredBookmarks()).append(" bookmarks, ")
                        .append(recoveredPeople()).append(" people")
                        .append(recoveredRows.getOrDefault("setting", 0) > 0 ? ", settings" : "");
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
