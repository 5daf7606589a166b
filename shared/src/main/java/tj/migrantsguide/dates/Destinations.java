package tj.migrantsguide.dates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone a country's dates are counted in: a person in Moscow at 23:30 is on Moscow's date, whatever the
 * device's clock is set to. One zone per country (IANA tz names): for Russia, Moscow's, where most of our readers
 * are; a person further east sees a day change up to a few hours late, never a deadline on the wrong side.
 */
public final class Destinations {
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("TJ", ZoneId.of("Asia/Dushanbe")),
            Map.entry("RU", ZoneId.of("Europe/Moscow")),
            Map.entry("KZ", ZoneId.of("Asia/Almaty")),
            Map.entry("KR", ZoneId.of("Asia/Seoul")),
            Map.entry("GB", ZoneId.of("Europe/London")),
            Map.entry("TR", ZoneId.of("Europe/Istanbul")),
            Map.entry("AE", ZoneId.of("Asia/Dubai")),
            Map.entry("QA", ZoneId.of("Asia/Qatar")),
            Map.entry("SA", ZoneId.of("Asia/Riyadh")),
            Map.entry("BY", ZoneId.of("Europe/Minsk")),
            Map.entry("KG", ZoneId.of("Asia/Bishkek")),
            Map.entry("CN", ZoneId.of("Asia/Shanghai")));

    private Destinations() {}

    /** The country's zone; the device's own for a country this app does not know yet. */
    public static ZoneId zone(String countryCode, Clock clock) {
        return Optional.ofNullable(ZONES.get(countryCode)).orElse(clock.getZone());
    }

    /** Today where the person is: the date in the destination's zone at the clock's instant. */
    public static LocalDate today(String countryCode, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone(countryCode, clock));
    }
}
