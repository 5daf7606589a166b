package tj.migrantsguide.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a vocabulary within a few typing mistakes of a typed word: one edit (a letter missed, added,
 * changed, or two neighbours swapped) for words of {@value #ONE_EDIT_FROM} letters or more, two from
 * {@value #TWO_EDITS_FROM} (as Meilisearch and Typesense allow); shorter words must be typed right.
 *
 * <p>Found with the symmetric-delete method (as in SymSpell): two words are within {@code n} edits only if deleting
 * at most {@code n} letters from each can make them equal. So each vocabulary word is stored under the hashes of
 * its deletions (1 for words of 4+ letters, 2 for 7+: the lengths within reach of a 5- or 9-letter word), in one
 * sorted {@code long[]} (hash and word number), and a lookup hashes the typed word's deletions, collects the words
 * found under them and keeps those whose real distance (optimal string alignment) is small enough. No string is
 * made for a deletion: its hash is computed with the letter skipped.
 *
 * <p>Immutable once built; safe to share between threads.
 */
public final class Typos {
    static final int ONE_EDIT_FROM = 5;
    static final int TWO_EDITS_FROM = 9;
    private static final int SHORTEST_STORED = ONE_EDIT_FROM - 1;
    private static final int TWO_DELETIONS_FROM = TWO_EDITS_FROM - 2;

    /** A vocabulary word near the typed one, and how many edits apart they are. */
    public record Near(String word, int edits) {}

    private final String[] words;
    /** (hash of a deletion) << 32 | word number, sorted. */
    private final long[] deletions;

    private Typos(String[] words, long[] deletions) {
        this.words = words;
        this.deletions = deletions;
    }

    /** How many edits a typed word of this many letters may be from what was meant. */
    public static int allowedEdits(String word) {
        int letters = word.length();
        return letters >= TWO_EDITS_FROM ? 2 : letters >= ONE_EDIT_FROM ? 1 : 0;
    }

    /** Whether a vocabulary needs {@code word}: words shorter than this are never corrected or a correction. */
    public static boolean isStored(String word) {
        return word.length() >= SHORTEST_STORED && isLetters(word);
    }

    /** Builds the lookup over {@code vocabulary} (folded words; duplicates and words of digits are dropped). */
    public static Typos of(Collection<String> vocabulary) {
        Set<String> distinct = new HashSet<>();
        for (String word : vocabulary) {
            if (isStored(word)) {
                distinct.add(word);
            }
        }
        String[] words = distinct.toArray(String[]::new);
        Arrays.sort(words);
        long size = 0;
        for (String word : words) {
            int n = word.length();
            size += 1 + n + (n >= TWO_DELETIONS_FROM ? (long) n * (n - 1) / 2 : 0);
        }
        long[] deletions = new long[Math.toIntExact(size)];
        int at = 0;
        for (int index = 0; index < words.length; index++) {
            String word = words[index];
            int n = word.length();
            deletions[at++] = entry(hash(word, -1, -1), index);
            for (int i = 0; i < n; i++) {
                deletions[at++] = entry(hash(word, i, -1), index);
                if (n >= TWO_DELETIONS_FROM) {
                    for (int j = i + 1; j < n; j++) {
                        deletions[at++] = entry(hash(word, i, j), index);
                    }
                }
            }
        }
        Arrays.sort(deletions);
        return new Typos(words, deletions);
    }

    public int size() {
        return words.length;
    }

    /**
     * The vocabulary words within {@link #allowedEdits} of {@code typed} (itself included when it is one), nearest
     * first, then in alphabetical order.
     */
    public List<Near> near(String typed) {
        int allowed = allowedEdits(typed);
        if (allowed == 0 || !isLetters(typed)) {
            return List.of();
        }
        Set<Integer> candidates = new HashSet<>();
        int n = typed.length();
        collect(hash(typed, -1, -1), candidates);
        for (int i = 0; i < n; i++) {
            collect(hash(typed, i, -1), candidates);
            if (allowed >= 2) {
                for (int j = i + 1; j < n; j++) {
                    collect(hash(typed, i, j), candidates);
                }
            }
        }
        List<Near> near = new ArrayList<>();
        for (int index : candidates) {
            String word = words[index];
            int edits = distance(typed, word, allowed);
            if (edits <= allowed) {
                near.add(new Near(word, edits));
            }
        }
        near.sort(Comparator.comparingInt(Near::edits).thenComparing(Near::word));
        return near;
    }

    private void collect(int hash, Set<Integer> candidates) {
        long low = (long) hash << 32;
        int at = Arrays.binarySearch(deletions, low);
        if (at < 0) {
            at = -at - 1;
        }
        for (; at < deletions.length && (int) (deletions[at] >> 32) == hash; at++) {
            candidates.add((int) deletions[at]);
        }
    }

    private static long entry(int hash, int index) {
        return ((long) hash << 32) | (index & 0xFFFFFFFFL);
    }

    /** {@link String#hashCode} of {@code word} without the chars at {@code skip1} and {@code skip2} (-1: none). */
    static int hash(String word, int skip1, int skip2) {
        int h = 0;
        for (int i = 0; i < word.length(); i++) {
            if (i != skip1 && i != skip2) {
                h = 31 * h + word.charAt(i);
            }
        }
        return h;
    }

    /**
     * The optimal string alignment distance of {@code a} and {@code b} (Levenshtein plus swaps of neighbours), or
     * {@code max + 1} as soon as it is certain to exceed {@code max}.
     */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.min(previous[m], max + 1);
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
