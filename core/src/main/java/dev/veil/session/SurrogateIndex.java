package dev.veil.session;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The surrogates a {@link Mapping} restores, grouped by their first two chars (a one-char surrogate by
 * its char), each group sorted, so the longest surrogate standing at a place in a text is found by
 * binary search where several start alike.
 *
 * <p>A session's next snapshot is made from the previous one by copying only the groups of the
 * surrogates that changed, and the table of keys: a batch run that issues one fake per record pays for
 * that record's group, not for every fake the session holds (rebuilding them all per new fake made a
 * session of thousands of fakes quadratic). Fakes of one shape share their first chars (phone numbers
 * keep their prefix, IBANs their country), so a run of one type still copies a group that grows with
 * it: about 10 µs per new fake at 10,000 phone numbers, against milliseconds before. Finding where
 * surrogates occur in a text reads the text once, testing each pair of chars against a small bit
 * filter before the groups, instead of searching the text once per surrogate.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints counts only.
 */
final class SurrogateIndex {

    /** What {@link #match} returns where no surrogate stands. */
    static final int NONE = -2;
    private static final long EMPTY_KEY = -1;
    private static final int FILTER_WORDS = 64; // 4,096 bits, one per key hash
    /** Up to this many surrogates, {@link #occurrences} searches the text for each one instead of reading it. */
    private static final int SEARCH_EACH = 8;

    static final SurrogateIndex EMPTY = new SurrogateIndex(new long[0], new Group[0], 0, 0, 0, new long[FILTER_WORDS]);

    /**
     * The surrogates sharing a key in {@link String#compareTo} order, the value each restores to, and
     * an upper bound of their lengths.
     */
    record Group(String[] fakes, String[] values, int longest) {
        static final Group NONE = new Group(new String[0], new String[0], 0);

        /** This group with {@code fake} restoring to {@code value}, or without it when {@code value} is null. */
        Group with(String fake, String value) {
            int k = Arrays.binarySearch(fakes, fake);
            if (k >= 0) {
                if (value == null) {
                    return new Group(without(fakes, k), without(values, k), longest);
                }
                String[] newValues = values.clone();
                newValues[k] = value;
                return new Group(fakes, newValues, longest);
            }
            if (value == null) {
                return this;
            }
            int at = -k - 1;
            return new Group(inserted(fakes, at, fake), inserted(values, at, value), Math.max(longest, fake.length()));
        }

        private static String[] without(String[] a, int k) {
            String[] out = new String[a.length - 1];
            System.arraycopy(a, 0, out, 0, k);
            System.arraycopy(a, k + 1, out, k, a.length - k - 1);
            return out;
        }

        private static String[] inserted(String[] a, int at, String s) {
            String[] out = new String[a.length + 1];
            System.arraycopy(a, 0, out, 0, at);
            out[at] = s;
            System.arraycopy(a, at, out, at + 1, a.length - at);
            return out;
        }

        @Override
        public String toString() {
            return "Group[" + fakes.length + "]"; // never a fake or a value
        }
    }

    /** Open addressing: a key per slot ({@link #EMPTY_KEY} when free) and its group. */
    private final long[] keys;
    private final Group[] groups;
    /** How many slots hold a key (a key whose group emptied keeps its slot). */
    private final int used;
    private final int size;
    private final int longest;
    /** One bit per {@link #filterBit} of each key in use: most pairs of chars in a text miss it. */
    private final long[] filter;

    private SurrogateIndex(long[] keys, Group[] groups, int used, int size, int longest, long[] filter) {
        this.keys = keys;
        this.groups = groups;
        this.used = used;
        this.size = size;
        this.longest = longest;
        this.filter = filter;
    }

    /** An index of every surrogate in {@code valueBySurrogate}. */
    static SurrogateIndex of(Map<String, String> valueBySurrogate) {
        return EMPTY.with(valueBySurrogate, Set.of(), valueBySurrogate.keySet());
    }

    /**
     * This index with each of {@code changed} as it now is: in its group with its current value if
     * {@code valueBySurrogate} holds it and {@code unsafe} does not, else gone. Only the groups of
     * {@code changed} are copied, each with one insertion or removal per change.
     */
    SurrogateIndex with(Map<String, String> valueBySurrogate, Set<String> unsafe, Collection<String> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        // Sized by the keys it will hold, not by the changes: an import changes every surrogate at once.
        int added = 0;
        Set<Long> fresh = changed.size() > 1 ? new HashSet<>() : null;
        for (String fake : changed) {
            long key = keyOf(fake);
            if (slotOf(key) < 0 && (fresh == null || fresh.add(key))) {
                added++;
            }
        }
        int capacity = Math.max(16, keys.length);
        while (capacity < 2 * (used + added)) {
            capacity *= 2;
        }
        long[] newKeys;
        Group[] newGroups;
        if (capacity == keys.length) {
            newKeys = keys.clone();
            newGroups = groups.clone();
        } else {
            newKeys = new long[capacity];
            newGroups = new Group[capacity];
            Arrays.fill(newKeys, EMPTY_KEY);
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != EMPTY_KEY) {
                    int to = slotFor(newKeys, keys[slot]);
                    newKeys[to] = keys[slot];
                    newGroups[to] = groups[slot];
                }
            }
        }
        long[] newFilter = filter.clone();
        int newUsed = used;
        int newSize = size;
        int newLongest = longest;
        for (String fake : changed) {
            long key = keyOf(fake);
            int slot = slotFor(newKeys, key);
            if (newKeys[slot] != key) {
                newKeys[slot] = key;
                newGroups[slot] = Group.NONE;
                newUsed++;
                int bit = filterBit(key);
                newFilter[bit >>> 6] |= 1L << bit;
                bit = filterBit(firstKey(fake.charAt(0)));
                newFilter[bit >>> 6] |= 1L << bit;
            }
            String value = unsafe.contains(fake) ? null : valueBySurrogate.get(fake);
            Group before = newGroups[slot];
            newGroups[slot] = before.with(fake, value);
            newSize += newGroups[slot].fakes.length - before.fakes.length;
            newLongest = Math.max(newLongest, fake.length());
        }
        return new SurrogateIndex(newKeys, newGroups, newUsed, newSize, newLongest, newFilter);
    }

    int size() {
        return size;
    }

    /** How many slots the key table has (it holds at most half as many keys). */
    int slots() {
        return keys.length;
    }

    /** The length of the longest surrogate this index ever held (an upper bound). */
    int longest() {
        return longest;
    }

    /**
     * Where a surrogate of this index stands at {@code i} of {@code s}: the longest one that is not
     * {@linkplain #glued glued} to the char after it.
     *
     * @param atEnd whether {@code s} is complete; if not, a surrogate that may still be forming at its
     *              end is {@link TokenScanner#NEED_MORE}
     * @return a match for {@link #length} and {@link #value}, {@link #NONE} or {@link TokenScanner#NEED_MORE}
     */
    long match(CharSequence s, int i, boolean atEnd) {
        int n = s.length();
        char c0 = s.charAt(i);
        if (i + 1 < n) {
            int pair = slotOf(pairKey(c0, s.charAt(i + 1)));
            if (pair >= 0) {
                int k = matchIn(groups[pair], s, i, atEnd);
                if (k >= 0) {
                    return (long) pair << 32 | k;
                }
                if (k == TokenScanner.NEED_MORE) {
                    return k;
                }
            }
        } else if (!atEnd && startsWith(c0)) {
            return TokenScanner.NEED_MORE;
        }
        int single = slotOf(singleKey(c0));
        int k = single < 0 ? NONE : matchIn(groups[single], s, i, atEnd);
        return k >= 0 ? (long) single << 32 | k : k;
    }

    /** The length of the surrogate of a {@link #match}. */
    int length(long match) {
        return groups[(int) (match >>> 32)].fakes[(int) match].length();
    }

    /** The value a {@link #match}'s surrogate restores to. */
    String value(long match) {
        return groups[(int) (match >>> 32)].values[(int) match];
    }

    /** Whether a surrogate of this index starts with {@code c}: the filter, then a pass over the keys, for the end of a chunk only. */
    private boolean startsWith(char c) {
        if (!maybe(firstKey(c))) {
            return false;
        }
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY_KEY && firstChar(keys[slot]) == c && groups[slot].fakes.length > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every surrogate of this index that occurs (as chars, glued or not) in {@code text} at an index
     * for which {@code where} holds, each once.
     */
    Set<String> occurrences(String text, At where) {
        Set<String> found = new LinkedHashSet<>();
        if (size == 0) {
            return found;
        }
        if (size <= SEARCH_EACH) {
            for (Group g : groups) {
                for (int k = 0; g != null && k < g.fakes.length; k++) {
                    if (occurs(text, g.fakes[k], where)) {
                        found.add(g.fakes[k]);
                    }
                }
            }
            return found;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c0 = text.charAt(i);
            if (i + 1 < n) {
                collect(groupOf(pairKey(c0, text.charAt(i + 1))), text, i, where, found);
            }
            collect(groupOf(singleKey(c0)), text, i, where, found);
        }
        return found;
    }

    /** Whether {@code fake} occurs in {@code text} at an index for which {@code where} holds. */
    static boolean occurs(String text, String fake, At where) {
        for (int at = text.indexOf(fake); at >= 0; at = text.indexOf(fake, at + 1)) {
            if (where.test(at, at + fake.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the chars {@code [start, end)} of a text may count; see {@link #occurrences}. */
    @FunctionalInterface
    interface At {
        boolean test(int start, int end);
    }

    /** Adds each surrogate of {@code g} that {@code text} holds at {@code i} where {@code where} allows. */
    private static void collect(Group g, String text, int i, At where, Set<String> found) {
        if (g == null) {
            return;
        }
        // Every prefix of the text at i that is a surrogate, longest first (see matchIn).
        for (int limit = Math.min(text.length() - i, g.longest); limit > 0; ) {
            int k = floor(g.fakes, text, i, limit);
            if (k < 0) {
                return;
            }
            String fake = g.fakes[k];
            int common = commonPrefix(fake, text, i, limit);
            if (common == fake.length()) {
                if (!found.contains(fake) && where.test(i, i + common)) {
                    found.add(fake);
                }
                limit = common - 1;
            } else {
                limit = common;
            }
        }
    }

    private boolean maybe(long key) {
        int bit = filterBit(key);
        return (filter[bit >>> 6] & (1L << bit)) != 0;
    }

    private Group groupOf(long key) {
        int slot = slotOf(key);
        return slot < 0 ? null : groups[slot];
    }

    /** The slot of {@code key}, or -1. */
    private int slotOf(long key) {
        if (keys.length == 0 || !maybe(key)) {
            return -1;
        }
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return slot;
            }
            if (k == EMPTY_KEY) {
                return -1;
            }
        }
    }

    /** The slot holding {@code key}, or the free slot where it goes. */
    private static int slotFor(long[] keys, long key) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (keys[slot] != EMPTY_KEY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * Index in {@code g} of the longest surrogate standing as a whole word at {@code i}, {@link #NONE},
     * or NEED_MORE: while {@code s} is not complete, a surrogate that the rest of {@code s} starts, or
     * one that ends exactly at its end, may still be something longer.
     */
    private static int matchIn(Group g, CharSequence s, int i, boolean atEnd) {
        String[] fakes = g.fakes;
        int n = s.length();
        int rest = n - i;
        if (!atEnd && rest < g.longest) {
            // The surrogates that start with the rest follow the first one not below it.
            int k = ceiling(fakes, s, i, rest);
            for (; k < fakes.length && commonPrefix(fakes[k], s, i, rest) == rest; k++) {
                if (fakes[k].length() > rest) {
                    return TokenScanner.NEED_MORE;
                }
            }
        }
        // The surrogates that are a prefix of s at i, longest first: the greatest surrogate not above the
        // first limit chars is one, or else shares a prefix with them beyond which none can be (a longer
        // prefix p of those chars would sort between that surrogate and them).
        for (int limit = Math.min(rest, g.longest); limit > 0; ) {
            int k = floor(fakes, s, i, limit);
            if (k < 0) {
                return NONE;
            }
            String fake = fakes[k];
            int common = commonPrefix(fake, s, i, limit);
            if (common < fake.length()) {
                limit = common;
                continue;
            }
            int after = i + common;
            if (after >= n) {
                return atEnd ? k : TokenScanner.NEED_MORE;
            }
            if (!glued(fake.charAt(common - 1), s.charAt(after))) {
                return k;
            }
            limit = common - 1;
        }
        return NONE;
    }

    /** Index of the greatest of {@code sorted} not above the {@code len} chars of {@code s} at {@code i}, or -1. */
    private static int floor(String[] sorted, CharSequence s, int i, int len) {
        int lo = 0;
        int hi = sorted.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(sorted[mid], s, i, len) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the least of {@code sorted} not below the {@code len} chars of {@code s} at {@code i}, or its length. */
    private static int ceiling(String[] sorted, CharSequence s, int i, int len) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(sorted[mid], s, i, len) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code a} against the {@code len} chars of {@code s} at {@code i}, as {@link String#compareTo} orders them. */
    private static int compare(String a, CharSequence s, int i, int len) {
        int common = Math.min(a.length(), len);
        for (int j = 0; j < common; j++) {
            char c = a.charAt(j);
            char d = s.charAt(i + j);
            if (c != d) {
                return c - d;
            }
        }
        return a.length() - len;
    }

    /** How many chars {@code a} shares with the {@code len} chars of {@code s} at {@code i}. */
    private static int commonPrefix(String a, CharSequence s, int i, int len) {
        int max = Math.min(a.length(), len);
        int j = 0;
        while (j < max && a.charAt(j) == s.charAt(i + j)) {
            j++;
        }
        return j;
    }

    /**
     * Whether a surrogate ending in {@code edge} would run on into {@code neighbour}: a name into
     * more letters ("Bas" in "Bastiaan"), a number into more digits. Anything else may stand next to
     * it, so a value a detector found glued to punctuation or an underscore restores as well.
     */
    static boolean glued(char edge, char neighbour) {
        if (Character.isDigit(edge)) {
            return Character.isDigit(neighbour);
        }
        return Character.isLetter(edge) && Character.isLetterOrDigit(neighbour);
    }

    private static long keyOf(String fake) {
        return fake.length() >= 2 ? pairKey(fake.charAt(0), fake.charAt(1)) : singleKey(fake.charAt(0));
    }

    private static long pairKey(char c0, char c1) {
        return ((long) c0 << 16) | c1;
    }

    private static long singleKey(char c0) {
        return (1L << 32) | c0;
    }

    /** A key of its own for the first char alone, in {@link #filter} only: most chunks end in a char no surrogate starts with. */
    private static long firstKey(char c) {
        return (2L << 32) | c;
    }

    private static char firstChar(long key) {
        return (char) (key >= 1L << 32 ? key : key >>> 16);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    private static int filterBit(long key) {
        return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> 52); // 12 bits
    }

    @Override
    public String toString() {
        return "SurrogateIndex[surrogates=" + size + "]";
    }
}
