package dev.veil.session;

import java.util.Set;

/**
 * Finds token look-alikes in text before it is protected, so a session never issues a token the user
 * already typed (a pasted {@code [PERSON_1]}, or "PERSON 1" in a table header) and restore can never
 * turn the user's own literal into someone's data.
 *
 * <p>Deliberately over-approximates what {@link TokenScanner} would accept: every number (up to
 * {@link TokenScanner#MAX_DIGITS} digits) directly after a word and one separator ({@code _ - space
 * \_}) reserves {@code WORD_NUMBER}, whatever the case, brackets or context, where the word is the
 * last segment of a type the engine's detectors may report (any word if that is not known). A token
 * {@code T_n} is then never issued when the last segment of {@code T} and {@code n} are reserved.
 * Reserving too much only skips a number. Stateless.
 */
final class LookAlikes {

    private LookAlikes() {
    }

    /**
     * Adds {@code WORD_NUMBER} (upper case) for every number after a word and a separator in the text's
     * chars (one array scan for digits), where the word is the last segment of one of {@code types}, or
     * any word if that is null: a token of no other type can be issued, so "Ordernummer 12" in ordinary
     * text reserves nothing.
     */
    static void collect(char[] s, TypeSet types, Set<String> into) {
        int n = s.length;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (c < '1' || c > '9') {
                i++;
                continue;
            }
            int d = i;
            while (d < n && isDigit(s[d])) {
                d++;
            }
            if (d - i <= TokenScanner.MAX_DIGITS && (i == 0 || !isAsciiLetterOrDigit(s[i - 1]))) {
                int w = separatorBefore(s, i);
                if (w > 0 && (types == null || types.endsWithLastSegment(s, w))) {
                    int ws = w;
                    while (ws > 0 && isAsciiLetterOrDigit(s[ws - 1])) {
                        ws--;
                    }
                    if (ws < w && w - ws <= 64) {
                        StringBuilder b = new StringBuilder(w - ws + 1 + d - i);
                        for (int k = ws; k < w; k++) {
                            b.append(upper(s[k]));
                        }
                        into.add(b.append('_').append(s, i, d - i).toString());
                    }
                }
            }
            i = d;
        }
    }

    /**
     * The first index at or after {@code i} holding a digit 1-9, or {@code s.length}. A loop of its own:
     * with the token checks after it in the same loop, the JIT compiled {@link Mapping}'s scan about
     * twice as slow (here, in {@link #collect}, the inline loop measured faster).
     */
    static int nextDigit(char[] s, int i) {
        int n = s.length;
        while (i < n && (char) (s[i] - '1') >= 9) {
            i++;
        }
        return i;
    }

    /** The index just after the word that ends before a separator ending at {@code i}, or -1. */
    static int separatorBefore(char[] s, int i) {
        if (i < 2) {
            return -1;
        }
        char p = s[i - 1];
        if (p == '_' && s[i - 2] == '\\') {
            return i - 2;
        }
        return p == '_' || p == '-' || p == ' ' ? i - 1 : -1;
    }

    /** The key a token is checked against: the last segment of its type and its number. */
    static String key(String typeName, String number) {
        int us = typeName.lastIndexOf('_');
        return (us < 0 ? typeName : typeName.substring(us + 1)) + "_" + number;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c);
    }
}
