package tj.migrantsguide.content.source;

import java.nio.file.Path;
import java.util.List;
import tj.migrantsguide.guide.Language;

/**
 * An article, contact, checklist or rule as written in one language file, with the fields the loader parsed once
 * (sources, phone lines, checklist lines, verification) and their lines, for the linter. The raw {@link Block}
 * stays for the checks on fields and text.
 *
 * @param country the folder's code ({@code RU})
 */
public record SourceItem(Path file, Block block, String country, Language language, List<Citation> sources,
        List<PhoneLine> phones, List<ChecklistLine> checklist, Verification verified) implements Cited {
    public SourceItem {
        sources = List.copyOf(sources);
        phones = List.copyOf(phones);
        checklist = List.copyOf(checklist);
    }

    @Override
    public String id() {
        return block.id();
    }

    @Override
    public String scope() {
        return country;
    }

    public String kind() {
        return block.kind();
    }
}
