package dev.veil.session;

/**
 * Recognises token shapes such as {@code [PERSON_1]} and the common ways models alter them, one
 * position at a time, without regular expressions (no backtracking over a reply).
 *
 * <p>Grammar, case-insensitive: an optional opener ({@code [ < ( { « ⟦ \[ &lt;}, at most twice the
 * same, but {@code [} only once), a core {@code TYPE SEP NUMBER} where {@code SEP} is
 * {@code _ - space \_} and the type's own underscores may be any separator too, and as many closers
 * ({@code ] > ) } » ⟧ \] &gt;}) as openers; an escaped opener {@code \[} takes only {@code \]}.
 * Without an opener the core must stand alone as a word, and a space or hyphen separator is only
 * accepted in upper case, so prose such as "person 2" is never taken for a token.
 *
 * <p>Protect writes {@code [TYPE_N]} right against the user's own text, so a match never reaches
 * past a token's own {@code [} and {@code ]} into it: the user's {@code [Jan]} goes out as
 * {@code [[PERSON_1]]} and his {@code C:\jan@…} as {@code C:\[EMAIL_1]}, and both come back as
 * written ({@code restore(protect(x)) == x}).
 *
 * <p>Every read beyond the end of the buffer answers {@link #NEED_MORE} unless the caller says the
 * text has ended: that is what makes streaming restore equal whole-text restore. Stateless.
 */
final class TokenScanner {

    /** The decision needs characters that have not arrived yet. */
    static final int NEED_MORE = -1;
    /** No token starts here. */
    static final int NO_MATCH = 0;
    /** Longest number part: sequential numbers and 12-digit keyed numbers. */
    static final int MAX_DIGITS = 12;
    /** Longest normalised core (type name, separator, number). */
    static final int MAX_CORE = 64 + 1 + MAX_DIGITS;

    private static final String[] OPENERS = {"[", "<", "(", "{", "«", "⟦", "\\[", "&lt;"};
    private static final String[] CLOSERS = {"]", ">", ")", "}", "»", "⟧", "\\]", "&gt;"};
    private static final int NONE = -2;
    /** Indexes into {@link #OPENERS} and {@link #CLOSERS}. */
    private static final int SQUARE = 0;
    private static final int ESCAPED = 6;

    private TokenScanner() {
    }

    /** Whether a token attempt can start with {@code c}; a cheap filter before {@link #match}. */
    static boolean mayStart(char c) {
        return isAsciiLetter(c) || c == '[' || c == '<' || c == '(' || c == '{' || c == '«' || c == '⟦'
                || c == '\\' || c == '&';
    }

    /**
     * Tries to read a token starting at {@code i}.
     *
     * @param core receives the normalised core, e.g. {@code PERSON_1}, when a token is read
     * @return the number of chars the token covers, {@link #NO_MATCH} or {@link #NEED_MORE}
     */
    static int match(CharSequence s, int i, boolean atEnd, TypeSet types, StringBuilder core) {
        char c = s.charAt(i);
        if (isAsciiLetter(c)) {
            if (!types.mayStartWith(c) || !wordStart(s, i)) {
                return NO_MATCH;
            }
            int end = parseCore(s, i, atEnd, types, core, true);
            return end < 0 ? end : end == NO_MATCH ? NO_MATCH : end - i;
        }
        int k = unit(s, i, OPENERS, atEnd);
        if (k < 0) {
            return k == NEED_MORE ? NEED_MORE : NO_MATCH;
        }
        int j = i + OPENERS[k].length();
        int count = 1;
        // A "[" before a token's own "[" is the user's: "[[PERSON_1]]" restores to "[Jan]".
        if (k != SQUARE) {
            int again = unitAt(s, j, OPENERS[k], atEnd);
            if (again == NEED_MORE) {
                return NEED_MORE;
            }
            if (again > 0) {
                j += again;
                count = 2;
            }
        }
        int end = parseCore(s, j, atEnd, types, core, false);
        if (end <= 0) {
            return end;
        }
        for (int n = 0; n < count; n++) {
            // A backslash before a token's own "[" is the user's too, unless the model escaped the
            // closer as well.
            int closer = k == ESCAPED ? escapedCloser(s, end, atEnd) : unit(s, end, CLOSERS, atEnd);
            if (closer < 0) {
                return closer == NEED_MORE ? NEED_MORE : NO_MATCH;
            }
            end += CLOSERS[closer].length();
        }
        return end - i;
    }

    /**
     * Reads a core from {@code j}; returns the index after it, {@link #NO_MATCH} or {@link #NEED_MORE}.
     * A core never ends at index 0, so 0 is free to mean no match.
     */
    private static int parseCore(CharSequence s, int j, boolean atEnd, TypeSet types, StringBuilder core,
            boolean bare) {
        core.setLength(0);
        boolean lower = false;
        boolean looseSeparator = false;
        int n = s.length();
        int k = j;
        while (true) {
            if (k >= n) {
                if (!atEnd) {
                    return NEED_MORE;
                }
                break;
            }
            char c = s.charAt(k);
            if (isAsciiLetterOrDigit(c)) {
                if (core.length() >= MAX_CORE) {
                    return NO_MATCH;
                }
                if (c >= 'a' && c <= 'z') {
                    lower = true;
                    c = (char) (c - 32);
                }
                core.append(c);
                if (!types.viable(core)) {
                    return NO_MATCH;
                }
                k++;
                continue;
            }
            int sep = 0;
            if (c == '_' || c == '-' || c == ' ') {
                sep = 1;
            } else if (c == '\\') {
                if (k + 1 >= n) {
                    if (!atEnd) {
                        return NEED_MORE;
                    }
                } else if (s.charAt(k + 1) == '_') {
                    sep = 2;
                }
            }
            if (sep == 0 || core.length() == 0 || core.length() >= MAX_CORE) {
                break;
            }
            core.append('_');
            if (!types.viable(core)) {
                core.setLength(core.length() - 1);
                break;
            }
            int after = k + sep;
            if (after >= n) {
                if (!atEnd) {
                    return NEED_MORE;
                }
                core.setLength(core.length() - 1);
                break;
            }
            if (!isAsciiLetterOrDigit(s.charAt(after))) {
                core.setLength(core.length() - 1);
                break;
            }
            looseSeparator |= c == '-' || c == ' ';
            k = after;
        }
        if (!types.complete(core)) {
            return NO_MATCH;
        }
        if (bare) {
            if (looseSeparator && lower) {
                return NO_MATCH;
            }
            if (k < n && Character.isLetterOrDigit(s.charAt(k))) {
                return NO_MATCH;
            }
            // A trailing underscore is emphasis (_PERSON_1_) only if it is not glued on in turn.
            if (k < n && s.charAt(k) == '_') {
                if (k + 1 >= n) {
                    if (!atEnd) {
                        return NEED_MORE;
                    }
                } else if (Character.isLetterOrDigit(s.charAt(k + 1))) {
                    return NO_MATCH;
                }
            }
        }
        return k;
    }

    /** Which of {@code units} starts at {@code i}: its index, {@link #NONE} or {@link #NEED_MORE}. */
    private static int unit(CharSequence s, int i, String[] units, boolean atEnd) {
        boolean partial = false;
        for (int k = 0; k < units.length; k++) {
            int r = unitAt(s, i, units[k], atEnd);
            if (r > 0) {
                return k;
            }
            partial |= r == NEED_MORE;
        }
        return partial ? NEED_MORE : NONE;
    }

    /** {@link #ESCAPED} if {@code \]} starts at {@code i}, else {@link #NONE} or {@link #NEED_MORE}. */
    private static int escapedCloser(CharSequence s, int i, boolean atEnd) {
        int r = unitAt(s, i, CLOSERS[ESCAPED], atEnd);
        return r > 0 ? ESCAPED : r == NEED_MORE ? NEED_MORE : NONE;
    }

    /** Length of {@code unit} if it starts at {@code i}, 0 if not, {@link #NEED_MORE} if undecided. */
    private static int unitAt(CharSequence s, int i, String unit, boolean atEnd) {
        int n = s.length();
        for (int k = 0; k < unit.length(); k++) {
            if (i + k >= n) {
                return atEnd ? 0 : NEED_MORE;
            }
            if (s.charAt(i + k) != unit.charAt(k)) {
                return 0;
            }
        }
        return unit.length();
    }

    /**
     * Whether a bare token may start at {@code i}: not glued to a preceding word. A single
     * underscore before it counts as Markdown emphasis ({@code _PERSON_1_}) unless it is glued too.
     */
    static boolean wordStart(CharSequence s, int i) {
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        if (Character.isLetterOrDigit(p)) {
            return false;
        }
        return p != '_' || i == 1 || !Character.isLetterOrDigit(s.charAt(i - 2));
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }
}
