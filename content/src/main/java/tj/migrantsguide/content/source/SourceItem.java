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
        List<PhoneLine> phones, List<ChecklistLine> checklist, Verification verified) {
    public SourceItem {
        sources = List.copyOf(sources);
        phones = List.copyOf(phones);
        checklist = List.copyOf(checklist);
    }

    public String id() {
        return block.id();
    }

    public String kind() {
        return block.kind();
    }
}
