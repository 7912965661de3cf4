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
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
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
        for (int i = from; i < to; i++) {
            // Only the first letters of the words start one; checking that first skips most positions.
            char first = text.charAt(i);
            char lower = first < 0x80 ? (first >= 'A' && first <= 'Z' ? (char) (first + 32) : first)
                    : Character.toLowerCase(first);
            if (!words.mayStartWith(lower) || !Character.isLetter(first) || !boundaryBefore(text, i)) {
                continue;
            }
            String[] all = words.words;
            char[] firsts = words.firstChars;
            for (int k = 0; k < all.length; k++) {
                if (firsts[k] != lower) {
                    continue;
                }
                String w = all[k];
                int e = i + w.length();
                if (e <= to && regionEqualsIgnoreCase(text, i, w)
                        && (e == text.length() || !Character.isLetter(text.charAt(e)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Context words (lower case ASCII or Latin-1) for {@link #hasContextWord}, with their first letters. */
    static final class Words {
        final String[] words;
        /** The first char of each word, so a scan compares a char before it touches the word. */
        final char[] firstChars;
        private final boolean[] firsts = new boolean[0x100];

        Words(String... words) {
            this.words = words.clone();
            this.firstChars = new char[words.length];
            for (int k = 0; k < words.length; k++) {
                firstChars[k] = words[k].charAt(0);
                firsts[firstChars[k] & 0xFF] = true;
            }
        }

        boolean mayStartWith(char lower) {
            // Every char maps to a slot: a false positive only costs the word loop.
            return firsts[lower & 0xFF];
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
            if (c != w && Character.toLowerCase(c) != w) {
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
