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
    /** Upper-case ASCII letters some name starts with: most words are rejected on their first char. */
    private final boolean[] firstLetters = new boolean[128];

    private TypeSet(String[] names) {
        this.names = names;
        for (String n : names) {
            firstLetters[n.charAt(0)] = true;
        }
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

    static TypeSet of(Collection<String> names) {
        String[] a = names.toArray(new String[0]);
        Arrays.sort(a);
        return a.length == 0 ? EMPTY : new TypeSet(a);
    }

    boolean isEmpty() {
        return names.length == 0;
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
