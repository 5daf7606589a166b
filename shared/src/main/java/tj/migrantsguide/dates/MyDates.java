package tj.migrantsguide.dates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.store.DateNotice;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.Person;
import tj.migrantsguide.store.PersonalDate;
import tj.migrantsguide.store.PersonalDates;
import tj.migrantsguide.store.SeenDeadline;
import tj.migrantsguide.store.StoreException;

/**
 * "My dates": each person's deadlines, computed on the device from the days they entered and the feed's rules, in
 * the destination's time zone with the injected clock. When an update changes a rule one of a person's deadlines
 * depends on, the person is told once ({@link DateNotice}); a withdrawn rule leaves its last date, marked so.
 *
 * <p>What was told is worked out by comparing each deadline with the one kept from the last computation
 * ({@link SeenDeadline}), in one user.db transaction: at any read, so an update applied by the window's sync, by
 * the command line or before a crash is noticed at the next read, once.
 */
public final class MyDates {
    /** Days before this are typing mistakes: no deadline a migrant has today counts from before it. */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private final GuideStore store;
    private final Clock clock;

    public MyDates(GuideStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Saves one of the person's days after checking it; on a problem nothing is changed.
     *
     * @param text the day as typed, YYYY-MM-DD
     */
    public Optional<DateProblem> set(long personId, String countryCode, DateEvent event, String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return Optional.of(new DateProblem.NotADate(text));
        }
        Optional<DateProblem> problem = check(countryCode, event, day);
        if (problem.isEmpty()) {
            store.user().dates().set(personId, countryCode, event, day);
        }
        return problem;
    }

    /** Whether {@code day} can be the day of {@code event} in that country, today. */
    public Optional<DateProblem> check(String countryCode, DateEvent event, LocalDate day) {
        if (day.isBefore(EARLIEST)) {
            return Optional.of(new DateProblem.TooEarly(day, EARLIEST));
        }
        LocalDate today = Destinations.today(countryCode, clock);
        // A passport's expiry is ahead; every other event has already happened.
        if (event != DateEvent.PASSPORT_EXPIRY && day.isAfter(today)) {
            return Optional.of(new DateProblem.InTheFuture(day, today, countryCode));
        }
        return Optional.empty();
    }

    /** Today in the country (its zone, the injected clock). */
    public LocalDate today(String countryCode) {
        return Destinations.today(countryCode, clock);
    }

    /**
     * The person's deadlines in {@code language} (another language's text where the feed lacks it), soonest
     * first, withdrawn rules last. Records what changed since the last read first ({@link #reconcile}).
     */
    public List<Deadline> deadlines(long personId, Language language) {
        Rules rules = Rules.read(store);
        reconcile(personId, rules);
        List<Deadline> deadlines = new ArrayList<>();
        List<PersonalDate> dates = store.user().dates().dates(personId);
        for (PersonalDate date : dates) {
            for (Map<Language, DateRule> byLanguage : rules.countingFrom(date.countryCode(), date.event())) {
                DateRule rule = Rules.in(byLanguage, language);
                DueDate due = RuleEngine.due(rule.length(), date.day());
                deadlines.add(new Deadline(rule.id(), rule.countryCode(), Optional.of(rule), rule.title(),
                        date.event(), date.day(), due.day(), due.earliestPossible()));
            }
        }
        for (SeenDeadline seen : store.user().dates().seen(personId)) {
            boolean stillEntered = dates.stream().anyMatch(d -> d.countryCode().equals(seen.countryCode())
                    && d.event() == seen.event());
            if (seen.withdrawn() && stillEntered) {
                deadlines.add(new Deadline(seen.ruleId(), seen.countryCode(), Optional.empty(),
                        title(seen.titles(), language, seen.ruleId()), seen.event(), seen.eventDay(), seen.due(),
                        false));
            }
        }
        deadlines.sort(Comparator.comparing(Deadline::withdrawn).thenComparing(Deadline::due)
                .thenComparing(Deadline::ruleId));
        return deadlines;
    }

    /** A reminder is due this many days before a deadline, and every day after until the deadline has passed. */
    public static final int REMIND_DAYS_BEFORE = 3;

    /**
     * The deadlines to remind the person of today (a system notification while the app runs): those due within
     * {@link #REMIND_DAYS_BEFORE} days, today, or overdue; never a withdrawn rule's.
     */
    public List<Deadline> reminders(long personId, Language language) {
        return deadlines(personId, language).stream()
                .filter(d -> !d.withdrawn() && d.daysLeft(today(d.countryCode())) <= REMIND_DAYS_BEFORE)
                .toList();
    }

    /** Notices the person has not seen yet ("moved", "withdrawn"), oldest first, after recording new ones. */
    public List<DateNotice> unseenNotices(long personId) {
        reconcile(personId, Rules.read(store));
        return store.user().dates().notices(personId, true);
    }

    /** Every notice the person was given, for the timeline. */
    public List<DateNotice> allNotices(long personId) {
        reconcile(personId, Rules.read(store));
        return store.user().dates().notices(personId, false);
    }

    /** The person has read the notice: it stays in the timeline, it is not told again. */
    public void markSeen(long personId, long noticeId) {
        store.user().dates().markSeen(personId, noticeId);
    }

    /** Records, for everyone on the device, what an update changed; returns how many notices it wrote. */
    public int reconcile() {
        Rules rules = Rules.read(store);
        int written = 0;
        for (Person person : store.user().people()) {
            written += reconcile(person.id(), rules);
        }
        return written;
    }

    private int reconcile(long personId, Rules rules) {
        PersonalDates book = store.user().dates();
        Map<String, SeenDeadline> seen = new LinkedHashMap<>();
        book.seen(personId).forEach(s -> seen.put(s.ruleId(), s));
        List<SeenDeadline> changed = new ArrayList<>();
        List<DateNotice> notices = new ArrayList<>();
        for (PersonalDate date : book.dates(personId)) {
            for (Map<Language, DateRule> byLanguage : rules.countingFrom(date.countryCode(), date.event())) {
                DateRule rule = Rules.in(byLanguage, Language.ENGLISH); // facts are the same in every language
                LocalDate due = RuleEngine.due(rule.length(), date.day()).day();
                SeenDeadline was = seen.get(rule.id());
                SeenDeadline now = new SeenDeadline(personId, rule.id(), rule.countryCode(), date.event(), date.day(),
                        rule.length().code(), due, titles(byLanguage), false);
                // Same day entered, another length: the rule changed, not the person's day.
                if (was != null && !was.withdrawn() && was.eventDay().equals(date.day())
                        && !was.length().equals(now.length()) && !was.due().equals(due)) {
                    notices.add(DateNotice.of(personId, rule.id(), rule.countryCode(), DateNotice.Kind.MOVED,
                            was.due(), Optional.of(due), was.length(), Optional.of(now.length()), now.titles(),
                            rule.sources(), rule.verified()));
                }
                if (!now.equals(was)) {
                    changed.add(now);
                }
            }
        }
        for (SeenDeadline was : seen.values()) {
            if (!was.withdrawn() && !rules.has(was.ruleId())) {
                notices.add(DateNotice.of(personId, was.ruleId(), was.countryCode(), DateNotice.Kind.WITHDRAWN,
                        was.due(), Optional.empty(), was.length(), Optional.empty(), was.titles(), List.of(),
                        Optional.empty()));
                changed.add(new SeenDeadline(personId, was.ruleId(), was.countryCode(), was.event(), was.eventDay(),
                        was.length(), was.due(), was.titles(), true));
            }
        }
        if (changed.isEmpty() && notices.isEmpty()) {
            return 0;
        }
        try {
            book.record(personId, changed, notices);
        } catch (StoreException e) {
            if (e.problem() == StoreException.Problem.OTHER || e.problem() == StoreException.Problem.BUSY) {
                throw e;
            }
            // Storage that cannot take a write now (read-only, full, gone): the deadlines are still shown, computed
            // from the rules; what changed is recorded, and told, at the first read that can write.
            return 0;
        }
        return notices.size();
    }

    private static Map<Language, String> titles(Map<Language, DateRule> byLanguage) {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        byLanguage.forEach((language, rule) -> titles.put(language, rule.title()));
        return titles;
    }

    private static String title(Map<Language, String> titles, Language language, String fallback) {
        return Optional.ofNullable(titles.get(language))
                .or(() -> titles.values().stream().findFirst()).orElse(fallback);
    }

    /** The feed's rules in every language, by id: read once per computation. */
    private record Rules(Map<String, Map<Language, DateRule>> byId) {
        static Rules read(GuideStore store) {
            Map<String, Map<Language, DateRule>> byId = new LinkedHashMap<>();
            for (Language language : Language.values()) {
                for (DateRule rule : store.rules(language)) {
                    byId.computeIfAbsent(rule.id(), k -> new EnumMap<>(Language.class)).put(language, rule);
                }
            }
            return new Rules(byId);
        }

        boolean has(String id) {
            return byId.containsKey(id);
        }

        List<Map<Language, DateRule>> countingFrom(String countryCode, DateEvent event) {
            return byId.values().stream().filter(m -> {
                DateRule any = m.values().iterator().next();
                return any.countryCode().equals(countryCode) && any.countsFrom() == event;
            }).toList();
        }

        static DateRule in(Map<Language, DateRule> byLanguage, Language language) {
            return Optional.ofNullable(byLanguage.get(language))
                    .orElseGet(() -> byLanguage.values().iterator().next());
        }
    }
}
