package dev.veil.session;

import java.util.Arrays;

/**
 * Finds where short strings occur in one text, for the many look-ups one protect call makes while
 * it picks surrogates (is this fake in the text, in any case?): each position is
 * chained under a hash of the {@value #GRAM} chars that start there, case-folded, so a look-up only
 * compares at positions that start alike instead of scanning the whole text. Without it, protecting
 * a text with thousands of values took time quadratic in its length.
 *
 * <p>The chains are built on the first look-up. Strings shorter than {@value #GRAM} chars or with
 * non-ASCII chars (never the built-in fakes) are looked up by a plain scan. Not thread-safe: one
 * per call, under the vault's lock. Holds the text: never printed.
 */
final class TextIndex {

    private static final int GRAM = 4;

    private final String text;
    private int[] head;
    private int[] next;
    private int shift;

    TextIndex(CharSequence text) {
        this.text = text.toString();
    }

    /** Whether {@code s} occurs in the text, ignoring case as {@link String#regionMatches} does. */
    boolean containsIgnoreCase(String s) {
        int len = s.length();
        if (len > text.length()) {
            return false;
        }
        if (len < GRAM || !isAscii(s)) {
            for (int at = 0; at + len <= text.length(); at++) {
                if (text.regionMatches(true, at, s, 0, len)) {
                    return true;
                }
            }
            return false;
        }
        if (head == null) {
            build();
        }
        for (int at = head[slot(s, 0)]; at >= 0; at = next[at]) {
            if (at + len <= text.length() && text.regionMatches(true, at, s, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private void build() {
        int positions = text.length() - GRAM + 1;
        int bits = Math.max(4, 32 - Integer.numberOfLeadingZeros(positions));
        shift = 32 - bits;
        head = new int[1 << bits];
        Arrays.fill(head, -1);
        next = new int[positions];
        for (int at = positions - 1; at >= 0; at--) {
            int h = slot(text, at);
            next[at] = head[h];
            head[h] = at;
        }
    }

    private int slot(String s, int at) {
        int h = 0;
        for (int k = 0; k < GRAM; k++) {
            h = h * 31 + fold(s.charAt(at + k));
        }
        return (h * 0x9E3779B9) >>> shift;
    }

    /** Two chars equal ignoring case by {@link String#regionMatches} fold to the same char. */
    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TextIndex[chars=" + text.length() + "]";
    }
}
