package tj.migrantsguide.content.source;

import java.nio.file.Path;
import java.util.List;

/** What carries sources and a verification date: an item of a country file, or a concept of concepts.txt. */
public sealed interface Cited permits SourceItem, SourceConcept {
    Path file();

    Block block();

    List<Citation> sources();

    Verification verified();

    default String id() {
        return block().id();
    }

    /** Where the id is unique: the country of an item ({@code RU}), {@code concepts} for a concept. */
    String scope();
}
