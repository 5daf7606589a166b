package tj.migrantsguide.feed;

import java.util.List;
import java.util.Objects;

/** A whole feed, read and checked: its index and the parsed packs it lists. */
public record Feed(FeedIndex index, CommonPack common, List<CountryPack> countryPacks) {
    public Feed {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(common, "common");
        countryPacks = List.copyOf(countryPacks);
    }

    public int itemCount() {
        int items = 0;
        for (CountryPack pack : countryPacks) {
            items += pack.itemCount();
        }
        return items;
    }
}
