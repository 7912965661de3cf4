package dev.veil.detect;

/** Character tests and context look-ups shared by the built-in detectors; no allocation. */
final class Chars {

    private Chars() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The first digit at or after {@code from}, or {@code n}. Detectors anchored on digits skip the
     * text between them with this tight loop, which the JIT compiles far better than a scan loop whose
     * body also validates candidates.
     */
    static int nextDigit(CharSequence text, int from, int n) {
        for (int i = from; i < n; i++) {
            if (isDigit(text.charAt(i))) {
                return i;
            }
        }
        return n;
    }

    /**
     * {@link #nextDigit(CharSequence, int, int)}, jumping between the engine's shared {@link Anchors}
     * when there are any (null: scan).
     */
    static int nextDigit(CharSequence text, long[] anchors, int from, int n) {
        if (anchors == null) {
            return nextDigit(text, from, n);
        }
        for (int i = Anchors.next(anchors, from, n); i < n; i = Anchors.next(anchors, i + 1, n)) {
            if (isDigit(text.charAt(i))) {
                return i;
            }
        }
        return n;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    /** Letters and digits of any script; surrogates count as word chars so spans never split a pair. */
    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return isAsciiAlnum(c); // what isLetterOrDigit answers for ASCII, without its table look-up
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    /** {@link Character#isLetter(char)}, without its table look-up for ASCII. */
    static boolean isLetter(char c) {
        return c < 0x80 ? isAsciiLetter(c) : Character.isLetter(c);
    }

    /** Whether a token may start at {@code i}: nothing word-like directly before it. */
    static boolean boundaryBefore(CharSequence text, int i) {
        return i == 0 || !isWordChar(text.charAt(i - 1));
    }

    /** Whether a token may end at {@code end}: nothing word-like directly after it. */
    static boolean boundaryAfter(CharSequence text, int end) {
        return end >= text.length() || !isWordChar(text.charAt(end));
    }

    /**
     * Whether a number continues past {@code end}: {@code 123.456} or {@code 12-34} where the caller
     * stopped at the separator. Such a span is part of a longer number and not a finding by itself.
     */
    static boolean numberContinuesAfter(CharSequence text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        if (isDigit(c)) {
            return true;
        }
        return (c == '.' || c == '-' || c == '/' || c == ',') && end + 1 < text.length()
                && isDigit(text.charAt(end + 1));
    }

    /** The mirror of {@link #numberContinuesAfter}: {@code 12.} or {@code 3-} directly before {@code start}. */
    static boolean numberContinuesBefore(CharSequence text, int start) {
        if (start == 0) {
            return false;
        }
        char c = text.charAt(start - 1);
        if (isDigit(c)) {
            return true;
        }
        return (c == '.' || c == '-' || c == '/' || c == ',') && start >= 2 && isDigit(text.charAt(start - 2));
    }

    /**
     * Whether one of {@code words} (lower case ASCII or Latin-1) stands as a whole word within
     * {@code window} chars before {@code start} or after {@code end}. Case-insensitive, no allocation.
     */
    static boolean hasContextWord(CharSequence text, int start, int end, int window, Words words) {
        int from = Math.max(0, start - window);
        int to = Math.min(text.length(), end + window);
        return containsWord(text, from, start, words) || containsWord(text, end, to, words);
    }

    private static boolean containsWord(CharSequence text, int from, int to, Words words) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!isLetter(c)) {
                i++;
                continue;
            }
            // A run of letters is hashed as it is skipped and looked up once, where a word may start.
            boolean starts = boundaryBefore(text, i);
            int runStart = i;
            int h = 0;
            do {
                h = 31 * h + Words.lower(c);
                i++;
            } while (i < to && isLetter(c = text.charAt(i)));
            if (i == to && to < text.length() && isLetter(text.charAt(to))) {
                return false; // the run goes on past the window, and nothing after it is inside
            }
            if (starts && words.standsAt(text, runStart, i, h, to, false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Context words (lower case ASCII or Latin-1; a few hold a space, hyphen or dot) for {@link
     * #hasContextWord}, found by the hash of their first run of letters.
     */
    static final class Words {
        final String[] words;
        /** Open addressing by {@link #runHash}: entry index + 1, 0 = empty. */
        private final int[] table;
        private final int[] runHash;
        private final int[] runLength;

        Words(String... words) {
            this.words = words.clone();
            this.runHash = new int[words.length];
            this.runLength = new int[words.length];
            this.table = new int[Integer.highestOneBit(Math.max(4, 4 * words.length)) << 1];
            for (int k = 0; k < words.length; k++) {
                String w = words[k];
                int len = 0;
                int h = 0;
                while (len < w.length() && Character.isLetter(w.charAt(len))) {
                    h = 31 * h + lower(w.charAt(len));
                    len++;
                }
                if (len == 0 || !w.equals(w.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException("a context word starts with a letter and is lower case");
                }
                runHash[k] = h;
                runLength[k] = len;
                int slot = h & (table.length - 1);
                while (table[slot] != 0) {
                    slot = (slot + 1) & (table.length - 1);
                }
                table[slot] = k + 1;
            }
        }

        /**
         * Whether a word stands at {@code s}, where the text's run of letters {@code [s, e)} hashes to
         * {@code h}: the whole word ends by {@code to} and is followed by no letter ({@code
         * wordBoundary}: by no letter or digit).
         */
        boolean standsAt(CharSequence text, int s, int e, int h, int to, boolean wordBoundary) {
            int mask = table.length - 1;
            for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
                int k = table[slot] - 1;
                if (runHash[k] != h || runLength[k] != e - s) {
                    continue;
                }
                String w = words[k];
                int end = s + w.length();
                if (end <= to && regionEqualsIgnoreCase(text, s, w) && (wordBoundary ? boundaryAfter(text, end)
                        : end == text.length() || !isLetter(text.charAt(end)))) {
                    return true;
                }
            }
            return false;
        }

        /** {@link Character#toLowerCase(char)}, without its table look-up for ASCII. */
        static char lower(char c) {
            if (c < 0x80) {
                return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            return Character.toLowerCase(c);
        }
    }

    /** Whether {@code text} at {@code offset} equals {@code lowerWord}, ignoring case. */
    static boolean regionEqualsIgnoreCase(CharSequence text, int offset, String lowerWord) {
        if (offset + lowerWord.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowerWord.length(); k++) {
            char c = text.charAt(offset + k);
            char w = lowerWord.charAt(k);
            if (c != w && Words.lower(c) != w) {
                return false;
            }
        }
        return true;
    }

    /** The index of the last non-space char before {@code i}, or -1. */
    static int previousNonSpace(CharSequence text, int i) {
        int k = i - 1;
        while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k;
    }

    /** The index of the first non-space char at or after {@code i}, or {@code text.length()}. */
    static int nextNonSpace(CharSequence text, int i) {
        int k = i;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k;
    }
}
