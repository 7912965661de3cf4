package dev.veil.detect.special;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Maps one UTF-16 char to one matching symbol, so that offsets in the folded text are offsets in the
 * original text: lower case (locale-independent), diacritics stripped ({@code ë -> e}, {@code İ -> i}),
 * typographic apostrophes and hyphens unified, every kind of space made one space. Chars that
 * obfuscate words (soft hyphen, zero-width space and joiners) are skipped, so {@code zie\u00ADkte} is
 * matched as {@code ziekte}.
 *
 * <p>Symbols are small ints: 1-26 letters, 27-36 digits, then space and a few joiners; 0 is any other
 * char and resets the automaton. Stateless and thread-safe.
 */
final class Folding {

    /** Number of distinct symbols, including 0. */
    static final int ALPHABET = 43;
    static final int SPACE = 37;
    /** Returned by {@link #symbol(char)} for chars that are ignored (not fed to the automaton). */
    static final int SKIP = -1;

    private static final byte[] SYMBOL = new byte[0x10000];
    /** {@link #isWordChar} per char, so the boundary checks of every candidate skip the Unicode tables. */
    private static final boolean[] WORD = new boolean[0x10000];

    /** Per symbol: every char folding to it is a {@link #isWordChar word char}. */
    private static final boolean[] ALWAYS_WORD = new boolean[ALPHABET];

    static {
        Arrays.fill(ALWAYS_WORD, true);
        // The work per char is a method of its own: HotSpot compiles a method called often, but not a
        // class initialiser, so a loop body written here would run interpreted 65,536 times (about
        // 175 ms of engine start against 48).
        for (int c = 0; c < 0x10000; c++) {
            fill((char) c);
        }
    }

    private static void fill(char c) {
        int symbol = computeSymbol(c);
        SYMBOL[c] = (byte) symbol;
        boolean word = Character.isLetterOrDigit(c) || Character.isSurrogate(c) || symbol == SKIP;
        WORD[c] = word;
        if (symbol != SKIP) {
            ALWAYS_WORD[symbol] &= word;
        }
    }

    private Folding() {
    }

    /** The symbol for {@code c}: 0 for chars no vocabulary uses, {@link #SKIP} for invisible chars. */
    static int symbol(char c) {
        return SYMBOL[c];
    }

    /** The folded char for a symbol, used to render vocabulary entries ({@code '\0'} for 0). */
    static char charOf(int symbol) {
        if (symbol >= 1 && symbol <= 26) {
            return (char) ('a' + symbol - 1);
        }
        if (symbol >= 27 && symbol <= 36) {
            return (char) ('0' + symbol - 27);
        }
        return switch (symbol) {
            case SPACE -> ' ';
            case 38 -> '-';
            case 39 -> '\'';
            case 40 -> '&';
            case 41 -> '/';
            case 42 -> '+';
            default -> '\0';
        };
    }

    /** Whether every char that folds to {@code symbol} is a {@link #isWordChar word char}. */
    static boolean alwaysWordChar(int symbol) {
        return ALWAYS_WORD[symbol];
    }

    /** Whether {@code c} belongs to a word: letters, digits, surrogates and skipped chars. */
    static boolean isWordChar(char c) {
        return WORD[c];
    }

    private static int computeSymbol(char c) {
        if (c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
            return SKIP;
        }
        if (Character.isSurrogate(c)) {
            return 0;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return SPACE;
        }
        switch (c) {
            case '-', '\u2010', '\u2011' -> {
                return 38;
            }
            case '\'', '\u2019', '\u2018', '`', '\u00B4' -> {
                return 39;
            }
            case '&' -> {
                return 40;
            }
            case '/' -> {
                return 41;
            }
            case '+' -> {
                return 42;
            }
            default -> {
            }
        }
        char base = c;
        if (c >= 0x80 && c < 0x0500) {
            // Strip diacritics: take the first char of the canonical decomposition when it is ASCII.
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (!d.isEmpty() && d.charAt(0) < 0x80) {
                base = d.charAt(0);
            }
        }
        base = Character.toLowerCase(base); // char overload: locale-independent
        if (base >= 'a' && base <= 'z') {
            return base - 'a' + 1;
        }
        if (base >= '0' && base <= '9') {
            return base - '0' + 27;
        }
        return 0;
    }
}
