package tj.migrantsguide.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.Language;

/**
 * Told once to a person: an update changed a rule one of their dates depends on ({@link Kind#MOVED}: the deadline
 * moved), or removed it ({@link Kind#WITHDRAWN}: the date stays, marked "rule withdrawn"). Kept in the timeline.
 *
 * @param sources the rule's sources as the update gave them (for a withdrawn rule: as they were)
 * @param verified the rule's verification date (the update's, or the last known)
 */
public record DateNotice(long id, long personId, String ruleId, String countryCode, Kind kind, LocalDate dueBefore,
        Optional<LocalDate> dueAfter, String lengthBefore, Optional<String> lengthAfter, Map<Language, String> titles,
        List<String> sources, Optional<LocalDate> verified, Instant createdAt, Optional<Instant> seenAt) {
    public enum Kind {
        MOVED("moved"),
        WITHDRAWN("withdrawn");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Kind fromCode(String code) {
            return code.equals("moved") ? MOVED : WITHDRAWN;
        }
    }

    public DateNotice {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueBefore, "dueBefore");
        Objects.requireNonNull(dueAfter, "dueAfter");
        Objects.requireNonNull(lengthBefore, "lengthBefore");
        Objects.requireNonNull(lengthAfter, "lengthAfter");
        titles = Map.copyOf(titles);
        sources = List.copyOf(sources);
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /** A notice to write: the store gives it its id and time. */
    public static DateNotice of(long personId, String ruleId, String countryCode, Kind kind, LocalDate dueBefore,
            Optional<LocalDate> dueAfter, String lengthBefore, Optional<String> lengthAfter,
            Map<Language, String> titles, List<String> sources, Optional<LocalDate> verified) {
        return new DateNotice(0, personId, ruleId, countryCode, kind, dueBefore, dueAfter, lengthBefore, lengthAfter,
                titles, sources, verified, Instant.EPOCH, Optional.empty());
    }
}
