package tj.migrantsguide.feed;

import java.util.List;
import tj.migrantsguide.guide.Country;

/** The pack every device needs whatever its language: the list of countries with their names. */
public record CommonPack(List<Country> countries) {
    public CommonPack {
        countries = List.copyOf(countries);
    }
}
