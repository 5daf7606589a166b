package tj.migrantsguide.content.source;

/** One {@code - [item-id] text} line of a checklist's body, with its line in the file. */
public record ChecklistLine(String id, String text, int line) {}
