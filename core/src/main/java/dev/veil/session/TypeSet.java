package dev.veil.session;

import java.util.Arrays;
import java.util.Collection;

/**
 * The entity type names a token core may start with, for {@link TokenScanner}: the types a session
 * has issued tokens for. Immutable.
 */
final class TypeSet {

    static final TypeSet EMPTY = new TypeSet(new String[0]);

    private final String[] names;
    /** Each name's last segment (after its last underscore), the word a token's number follows. */
    private final String[] lastSegments;
    /** Upper-case ASCII letters some name starts with: most words are rejected on their first char. */
    private final boolean[] firstLetters = new boolean[128];
    /** Bit {@code k} set when some last segment has {@code k} chars, k < 64: most words before a number fail here. */
    private final long segmentLengths;

    private TypeSet(String[] names) {
        this.names = names;
        this.lastSegments = Arrays.stream(names).map(n -> n.substring(n.lastIndexOf('_') + 1)).distinct()
                .toArray(String[]::new);
        for (String n : names) {
            firstLetters[n.charAt(0)] = true;
        }
        long lengths = 0;
        for (String segment : lastSegments) {
            // Longer segments (a type name may have 64 chars) are always compared.
            lengths |= segment.length() < 64 ? 1L << segment.length() : 0;
        }
        this.segmentLengths = lengths;
    }

    /** The length of the longest name, 0 when empty. */
    int longest() {
        int max = 0;
        for (String n : names) {
            max = Math.max(max, n.length());
        }
        return max;
    }

    /** Whether a token core may start with the ASCII letter {@code c}, in either case. */
    boolean mayStartWith(char c) {
        char u = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        return u < 128 && firstLetters[u];
    }

    /**
     * Whether the ASCII letters and digits just before {@code end} in {@code s} are, ignoring case,
     * the last segment of some name.
     */
    boolean endsWithLastSegment(char[] s, int end) {
        int start = end;
        while (start > 0 && isAsciiLetterOrDigit(s[start - 1])) {
            start--;
        }
        int length = end - start;
        if (length < 64 && (segmentLengths & 1L << length) == 0) {
            return false;
        }
        for (String segment : lastSegments) {
            if (segment.length() == length && equalsIgnoringAsciiCase(s, start, segment)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsIgnoringAsciiCase(char[] s, int start, String upper) {
        for (int k = 0; k < upper.length(); k++) {
            char c = s[start + k];
            if ((c >= 'a' && c <= 'z' ? (char) (c - 32) : c) != upper.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    static TypeSet of(Collection<String> names) {
        String[] a = names.toArray(new String[0]);
        Arrays.sort(a);
        return a.length == 0 ? EMPTY : new TypeSet(a);
    }

    boolean isEmpty() {
        return names.length == 0;
    }

    boolean contains(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    /**
     * Whether both sets hold the same names. Not by identity: a mapping carries its set over while no new
     * type is issued, but an imported mapping or a union builds a new set with the same names.
     */
    boolean sameNames(TypeSet other) {
        return other == this || other != null && Arrays.equals(names, other.names);
    }

    /** The names of both sets; this one itself if it holds every name of {@code other}. */
    TypeSet union(TypeSet other) {
        // Called each time a session issues something new: usually nothing to add, so no set is built.
        for (String name : other.names) {
            if (Arrays.binarySearch(names, name) < 0) {
                java.util.Set<String> all = new java.util.TreeSet<>(Arrays.asList(names));
                all.addAll(Arrays.asList(other.names));
                return of(all);
            }
        }
        return this;
    }

    /** Whether the normalised prefix {@code core} can still grow into {@code TYPE_digits}. */
    boolean viable(CharSequence core) {
        for (String t : names) {
            if (viableFor(t, core)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code core} is exactly {@code TYPE_NUMBER} with a number without leading zero. */
    boolean complete(CharSequence core) {
        for (String t : names) {
            int tl = t.length();
            if (core.length() > tl + 1 && core.charAt(tl) == '_' && startsWith(core, t)
                    && digits(core, tl + 1, true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean viableFor(String t, CharSequence core) {
        int tl = t.length();
        int cl = core.length();
        if (cl <= tl) {
            return startsWith(t, core);
        }
        if (core.charAt(tl) != '_' || !startsWith(core, t)) {
            return false;
        }
        return digits(core, tl + 1, false);
    }

    /** {@code core} from {@code from} on is all digits (at most {@link TokenScanner#MAX_DIGITS}). */
    private static boolean digits(CharSequence core, int from, boolean complete) {
        int len = core.length() - from;
        if (len > TokenScanner.MAX_DIGITS || (complete && len == 0)) {
            return false;
        }
        if (len > 0 && core.charAt(from) == '0') {
            return false;
        }
        for (int i = from; i < core.length(); i++) {
            char c = core.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(CharSequence s, CharSequence prefix) {
        if (prefix.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TypeSet" + Arrays.toString(names);
    }
}
