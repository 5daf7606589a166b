package tj.migrantsguide.store;

/** How many of a checklist's current items a person has ticked. Ticks of items no longer listed do not count. */
public record ChecklistProgress(int done, int total) {
    public ChecklistProgress {
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("progress " + done + " of " + total);
        }
    }

    public boolean complete() {
        return total > 0 && done == total;
    }

    /** Between 0 and 1; 0 for an empty checklist. */
    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }
}
