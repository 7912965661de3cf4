package dev.veil.detect.person;

import java.util.Arrays;

/**
 * One linear pass that cuts a text into words, initials/abbreviations and punctuation, and records
 * per token what the name rules need: its lexicon flags, its case shape, and whether it starts a
 * sentence or a line. Arrays are reused between calls of the same thread.
 *
 * <p>Not thread-safe: one instance per thread (see {@link PersonDetector}).
 */
final class Tokens {

    static final byte WORD = 1;
    static final byte ABBR = 2;   // dotted run such as J.P., Th., dhr., v.d., B.V.
    static final byte PUNCT = 3;
    static final byte NUM = 4;

    static final int CAP = 1;          // Upper-case first letter and a lower-case letter somewhere
    static final int ALL_CAPS = 1 << 1;
    static final int LOWER = 1 << 2;   // lower-case first letter
    static final int SENT = 1 << 3;    // first word of a sentence
    static final int LINE = 1 << 4;    // first token of a line
    static final int SPACE = 1 << 5;   // whitespace before this token
    static final int INITIALS = 1 << 6; // ABBR made only of initials (J., J.P., Th., IJ.)

    /** How far an address run is scanned for '@' or "://". */
    private static final int ADDRESS_SCAN = 512;
    private static final int NO_MARK = Integer.MAX_VALUE;
    private static final int MAX_POOLED = 1 << 17;

    int n;
    int[] start = new int[256];
    int[] end = new int[256];
    byte[] kind = new byte[256];
    int[] shape = new int[256];
    int[] lex = new int[256];

    /** How many family names were seen in a strong full-name mention, for bare mentions elsewhere. */
    int nKnown;
    /** Open-addressing set of remembered family names: token index + 1 (0 = empty) and its text hash. */
    private int[] knownSlots = new int[64];
    private int[] knownHashes = new int[64];
    /**
     * One bit per {@link #filterBit} of each remembered family name: most capitalised words are told
     * apart from all of them by length and first and last char, without hashing their text.
     */
    private long knownFilter;

    /**
     * Indices of the words with a capital (CAP or ALL_CAPS), ascending: the passes that look only at
     * such words walk this list, a tenth of the tokens in ordinary prose, instead of every token.
     */
    int[] capital = new int[64];
    int nCapital;

    /**
     * Indices of the tokens that may start a name or open a line, ascending: a superset of those the
     * scan's start test accepts (initials, capitalised words, particles), so the scan skips the rest,
     * most tokens of ordinary prose, without testing each.
     */
    int[] starts = new int[64];
    int nStarts;
    /** A pass after tokenizing gave a word a capital, which {@link #starts} may not hold yet. */
    private boolean recapitalised;

    /** Per token, how many brackets and braces are open before it; filled on first use by {@link #insideBrackets}. */
    private int[] depths = new int[64];
    private boolean depthsKnown;

    /** Token indices of capitalised words used as places or things (after "in", "de"), at most 64. */
    final int[] thing = new int[64];
    final int[] thingHash = new int[64];

    /** Findings held until the whole text is scanned: first token, end token (exclusive), score. */
    int[] foundFirst = new int[16];
    int[] foundEnd = new int[16];
    double[] foundScore = new double[16];
    int nFound;

    private CharSequence text;
    /** The text's chars, copied once per call; cleared again by {@link #clear()}. */
    private char[] chars = new char[1024];
    private int length;
    /** The text has no capital letters at all (typed in lower case): names are found from the lists alone. */
    boolean caseless;

    /** Whether Dutch rules apply: language NL, or AUTO on text that is not {@link #mostlyEnglish}. */
    boolean dutch = true;

    /** More English than Dutch function words in the text. */
    boolean mostlyEnglish;

    /** Tokens with DUTCH and with ENGLISH flags, a word with a capital, and the first {@link #lowerGiven} token. */
    private int dutchWords;
    private int englishWords;
    private boolean capitalWord;
    private int firstLowerGiven;

    /** {@link Lexicon#rawHash} of the word {@link #wordEnd} last read. */
    private long wordHash;

    CharSequence text() {
        return text;
    }

    /**
     * The text's chars, read by the rules instead of {@link #text()}: a plain array read, no interface
     * call or String coder check per char. Valid up to {@link #length()}; beyond it may be stale zeros.
     */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    void tokenize(CharSequence text, Lexicon lexicon) {
        this.text = text;
        int len = text.length();
        if (chars.length < len) {
            // Up to MAX_POOLED chars the buffer stays with the thread; a longer text gets its own.
            chars = new char[len <= MAX_POOLED ? Math.max(len, 2 * chars.length) : len];
        }
        char[] t = chars;
        // The chars once into scratch: a plain array read per char instead of String.charAt's checks.
        text.toString().getChars(0, len, t, 0);
        this.length = len;
        n = 0;
        if (nKnown > 0) {
            Arrays.fill(knownSlots, 0);
            nKnown = 0;
            knownFilter = 0;
        }
        nFound = 0;
        nCapital = 0;
        nStarts = 0;
        recapitalised = false;
        depthsKnown = false;
        dutchWords = 0;
        englishWords = 0;
        capitalWord = false;
        firstLowerGiven = Integer.MAX_VALUE;
        int i = 0;
        boolean sentence = true;
        boolean line = true;
        boolean space = false;
        int mark = -1;
        int markRunStart = 0;
        // The next '@' and the next "://" at or after the run where they were last looked for; each
        // is looked for again only once a run starts past it, so the text is searched once for each.
        int nextAt = -1;
        int nextScheme = -1;
        int addressFrom = -1;
        int addressTo = -1;
        String string = text instanceof String str ? str : null;
        while (i < len) {
            char ch = t[i];
            // ASCII, nearly every char of a Dutch or English prompt, skips the Unicode tables.
            boolean ascii = ch < 0x80;
            int cp = ascii ? ch : Character.codePointAt(t, i, len);
            int cl = ascii ? 1 : Character.charCount(cp);
            if (ascii ? isAsciiSpace(ch) : Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
                    line = true;
                    sentence = true;
                }
                space = true;
                i += cl;
                continue;
            }
            int s = i;
            int flags = (space ? SPACE : 0) | (line ? LINE : 0);
            if (space || line || s == 0) {
                if (mark < s) {
                    if (nextAt < s) {
                        nextAt = nextAt(string, t, s, len);
                    }
                    if (nextScheme < s) {
                        nextScheme = nextScheme(string, t, s, len);
                    }
                    mark = Math.min(nextAt, nextScheme);
                    markRunStart = mark == NO_MARK ? NO_MARK : runStart(t, mark);
                }
                // Only the run that holds the next '@' or "://", or one that may start with "www.", can be
                // an address: every other run skips the scan to its end.
                int runEnd = (mark - s < ADDRESS_SCAN && markRunStart <= s) || mayStartWww(t, s, len)
                        ? addressRunEnd(t, s, len) : s;
                if (runEnd > s) {
                    // "Vries<jan@x.nl>", "Vries](https://x)": the address starts after the bracket or quote
                    // that opens it; what comes before is read as words.
                    addressFrom = addressStart(t, s, runEnd, len);
                    addressTo = runEnd;
                }
            }
            if (s == addressFrom) {
                // An e-mail address or URL is one opaque token: its parts are not names.
                add(s, addressTo, NUM, flags, 0, false);
                i = addressTo;
                addressFrom = -1;
                line = false;
                space = false;
                continue;
            }
            if (ascii ? isAsciiLetter(ch) : Character.isLetter(cp)) {
                i = wordEnd(t, i, len, lexicon.seed, lexicon.multiplier);
                int dotted = dottedEnd(t, s, i, len);
                if (dotted > i) {
                    int lf = lexicon.flags(t, s, dotted);
                    boolean initials = initials(t, s, dotted, lexicon);
                    if (lf != 0 || initials) {
                        add(s, dotted, ABBR, flags | (initials ? INITIALS : 0) | caseShape(t, s, dotted),
                                lf != 0 ? lf : lexicon.flags(t, s, dotted - 1), sentence);
                        i = dotted;
                        sentence = false;
                        line = false;
                        space = false;
                        continue;
                    }
                }
                add(s, i, WORD, flags | caseShape(t, s, i), lexicon.flags(wordHash), sentence);
                sentence = false;
            } else if (ascii ? ch >= '0' && ch <= '9' : Character.isDigit(cp)) {
                // By code point: a digit outside the BMP ("𝟏") starts with a surrogate, which is no digit.
                i += cl;
                while (i < len) {
                    char c0 = t[i];
                    if (c0 < 0x80) {
                        // Digits and letters of a number ("2015", "06", "3e") without the Unicode tables.
                        if (!isAsciiLetterOrDigit(c0)) {
                            break;
                        }
                        i++;
                        continue;
                    }
                    int c = Character.codePointAt(t, i, len);
                    if (!Character.isLetterOrDigit(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                add(s, i, NUM, flags, 0, false);
                // A numbered list item ("1. Jan Peeters") starts a new sentence-like unit.
                sentence = sentence || line;
            } else if ((cp == '\'' || cp == '\u2019') && i + 1 < len && (t[i + 1] == 't')
                    && (i + 2 >= len || !Character.isLetter(t[i + 2])) && space) {
                i += 2; // the Dutch article 't, as in "in 't Veld"
                add(s, i, WORD, flags | LOWER, lexicon.flags(t, s, i), sentence);
                sentence = false;
            } else {
                i += cl;
                add(s, i, PUNCT, flags, 0, false);
                if (cp == '.' || cp == '!' || cp == '?' || cp == '\u2026') {
                    sentence = true;
                }
            }
            line = false;
            space = false;
        }
        mostlyEnglish = englishWords > dutchWords;
        caseless = !capitalWord;
        if (!caseless && firstLowerGiven < n) {
            lowerCaseFullNames(firstLowerGiven);
        }
        if (caseless) {
            int notNames = Lexicon.COMMON | Lexicon.MISC | Lexicon.PLACE | Lexicon.PARTICLE | Lexicon.TITLE
                    | Lexicon.CUE | Lexicon.GREETING | Lexicon.SAID | Lexicon.VERB | Lexicon.HEADER | Lexicon.ORG
                    | Lexicon.LOCATIVE | Lexicon.DISEASE;
            for (int k = 0; k < n; k++) {
                if (kind[k] == WORD && (lex[k] & (Lexicon.FIRST | Lexicon.LAST)) != 0 && (lex[k] & notNames) == 0
                        && end[k] - start[k] > 2) {
                    shape[k] = (shape[k] & ~LOWER) | CAP;
                    addCapital(k); // in order: without capitals the list was empty
                    recapitalised = true;
                }
            }
        }
        if (recapitalised) {
            nStarts = 0;
            for (int k = 0; k < n; k++) {
                if (mayStart(kind[k], shape[k], lex[k])) {
                    addStart(k);
                }
            }
        }
    }

    /**
     * Whether token {@code k} goes in {@link #starts}: initials, a capitalised word, a particle, or the
     * first token of a line (the scan reads header lines there).
     */
    private static boolean mayStart(byte kind, int shape, int lex) {
        return kind == ABBR || (shape & (CAP | LINE)) != 0 || kind == WORD && (lex & Lexicon.PARTICLE) != 0;
    }

    private void addStart(int k) {
        if (nStarts == starts.length) {
            starts = Arrays.copyOf(starts, nStarts * 2);
        }
        starts[nStarts++] = k;
    }

    /**
     * Whether a {@code [} or <code>{</code> opened before token {@code k} is still open there, on any line
     * (pretty-printed JSON). One pass over the tokens the first time a scan asks; closed pairs
     * ("[bron: RHS]", "- [ ]") do not count.
     */
    boolean insideBrackets(int k) {
        if (!depthsKnown) {
            if (depths.length < n) {
                depths = new int[Math.max(n, 2 * depths.length)];
            }
            int depth = 0;
            for (int j = 0; j < n; j++) {
                depths[j] = depth;
                if (kind[j] == PUNCT) {
                    char c = chars[start[j]];
                    if (c == '[' || c == '{') {
                        depth++;
                    } else if ((c == ']' || c == '}') && depth > 0) {
                        depth--;
                    }
                }
            }
            depthsKnown = true;
        }
        return depths[k] > 0;
    }

    /**
     * The first '@' at or after {@code from}, or {@link #NO_MARK}: with {@link String#indexOf(int, int)}
     * when the caller's text is a String, which the JIT compiles to a vectorised search.
     */
    private static int nextAt(String string, char[] t, int from, int len) {
        if (string != null) {
            int i = string.indexOf('@', from);
            return i < 0 ? NO_MARK : i;
        }
        for (int e = from; e < len; e++) {
            if (t[e] == '@') {
                return e;
            }
        }
        return NO_MARK;
    }

    /** The first "://" at or after {@code from}, or {@link #NO_MARK}; see {@link #nextAt}. */
    private static int nextScheme(String string, char[] t, int from, int len) {
        if (string != null) {
            // Colon by colon: in a UTF-16 string (one euro sign makes it one), JDK 17 searched for "://"
            // at about 1 ns a char here (3 % of a 64 KB document without URLs), for one char much
            // faster; colons are few in prose.
            for (int i = string.indexOf(':', from); i >= 0; i = string.indexOf(':', i + 1)) {
                if (i + 2 < len && t[i + 1] == '/' && t[i + 2] == '/') {
                    return i;
                }
            }
            return NO_MARK;
        }
        for (int e = from; e + 2 < len; e++) {
            if (t[e] == ':' && t[e + 1] == '/' && t[e + 2] == '/') {
                return e;
            }
        }
        return NO_MARK;
    }

    /**
     * Where the whitespace-delimited run holding {@code m} starts, looking back at most
     * {@link #ADDRESS_SCAN} chars (a run start further back is as good for {@link #addressRunEnd}).
     */
    private static int runStart(char[] t, int m) {
        int limit = Math.max(0, m - ADDRESS_SCAN);
        int k = m;
        while (k > limit && !isWhitespace(t[k - 1])) {
            k--;
        }
        return k;
    }

    private static boolean isWhitespace(char c) {
        return c < 0x80 ? isAsciiSpace(c) : Character.isWhitespace(c);
    }

    /** Flags of a word that {@link #lowerCaseFullNames} never reads as a given name typed in lower case. */
    private static final int NOT_LOWER_GIVEN = Lexicon.COMMON | Lexicon.MISC | Lexicon.PLACE | Lexicon.PARTICLE
            | Lexicon.TITLE | Lexicon.CUE | Lexicon.GREETING | Lexicon.SAID | Lexicon.VERB | Lexicon.HEADER | Lexicon.ORG
            | Lexicon.LOCATIVE | Lexicon.DISEASE | Lexicon.DICT;

    /** A known given name in lower case that is no ordinary word: where {@link #lowerCaseFullNames} may start one. */
    private static boolean lowerGiven(byte kind, int shape, int lex, int length) {
        return kind == WORD && (shape & LOWER) != 0 && (lex & Lexicon.FIRST) != 0 && (lex & NOT_LOWER_GIVEN) == 0
                && length >= 3;
    }

    /**
     * "leone mazzi", "benjamin a seiler": in text that otherwise uses capitals, a known given name
     * followed (after at most one initial) by a known family name, both in lower case and neither an
     * ordinary word, is a name typed without capitals; both words are treated as capitalised.
     */
    private void lowerCaseFullNames(int from) {
        for (int k = from; k + 1 < n; k++) {
            if (!lowerGiven(kind[k], shape[k], lex[k], end[k] - start[k])) {
                continue;
            }
            int j = k + 1;
            if (j + 1 < n && (kind[j] == WORD && end[j] - start[j] == 1 || kind[j] == ABBR) && (shape[j + 1] & LINE) == 0) {
                j++; // a middle initial: "benjamin a seiler", "hyuuma t. maida"
            }
            // The family name may be an ordinary word ("pieter bakker"): the given name before it decides.
            if ((shape[j] & LINE) == 0 && kind[j] == WORD && (shape[j] & LOWER) != 0 && (lex[j] & Lexicon.LAST) != 0
                    && (lex[j] & NOT_LOWER_GIVEN & ~Lexicon.DICT) == 0 && end[j] - start[j] >= 3) {
                shape[k] = (shape[k] & ~LOWER) | CAP;
                shape[j] = (shape[j] & ~LOWER) | CAP;
                insertCapital(k);
                insertCapital(j);
                recapitalised = true;
                k = j;
            }
        }
    }

    /**
     * What {@link #addressRunEnd} needs of a run without '@' or "://" to call it an address: "w" or "W",
     * two more chars, a dot and a fifth char. Dutch has many words that start with w (wat, we, wel).
     */
    private static boolean mayStartWww(char[] t, int s, int len) {
        return (t[s] == 'w' || t[s] == 'W') && s + 4 < len && t[s + 3] == '.';
    }

    /** The end of a whitespace-delimited run that holds '@' or "://" or starts with "www.", else {@code s}. */
    private static int addressRunEnd(char[] t, int s, int len) {
        int e = s;
        boolean address = false;
        while (e < len && e - s < ADDRESS_SCAN) {
            char c = t[e];
            if (isWhitespace(c)) {
                break;
            }
            if (addressMark(t, s, e, len)) {
                address = true;
            }
            e++;
        }
        if (!address && e - s > 4 && (t[s] == 'w' || t[s] == 'W') && Character.toLowerCase(t[s + 1]) == 'w'
                && Character.toLowerCase(t[s + 2]) == 'w' && t[s + 3] == '.') {
            address = true;
        }
        if (!address) {
            return s;
        }
        // Leave trailing sentence punctuation, closing brackets and a surrogate pair intact.
        while (e > s && ".,;:!?)]>\"'".indexOf(t[e - 1]) >= 0) {
            e--;
        }
        return e > s && Character.isHighSurrogate(t[e - 1]) ? e + 1 : e;
    }

    /**
     * Whether {@code t[e]} in the run from {@code s} is the '@' or "://" of an address. A '@' that opens
     * the run or follows a bracket or quote before a capital is a mention ("@Jan de Vries kun je
     * kijken?"): the name after it is read as words.
     */
    private static boolean addressMark(char[] t, int s, int e, int len) {
        char c = t[e];
        if (c == '@') {
            return !((e == s || bracketOrQuote(t, s, e - 1)) && e + 1 < len && Character.isUpperCase(t[e + 1]));
        }
        return c == ':' && e + 2 < len && t[e + 1] == '/' && t[e + 2] == '/';
    }

    /**
     * Where the address in the run {@code [s, e)} starts: after the last bracket or quote before its
     * first '@' or "://", or at {@code s}.
     */
    private static int addressStart(char[] t, int s, int e, int len) {
        int from = s;
        for (int k = s; k < e && !addressMark(t, s, k, len); k++) {
            if (bracketOrQuote(t, s, k)) {
                from = k + 1;
            }
        }
        return from;
    }

    /** An opening or closing bracket or a quote; an apostrophe only where no letter precedes it (not O'Brien). */
    private static boolean bracketOrQuote(char[] t, int s, int k) {
        // A switch, not indexOf on a string of these chars: that string is UTF-16 and is searched per char.
        return switch (t[k]) {
            case '\'', '\u2019' -> k == s || !Character.isLetter(t[k - 1]);
            case '[', ']', '(', ')', '{', '}', '<', '>', '"', '\u201C', '\u201D', '\u2018', '\u201E', '\u00AB', '\u00BB' -> true;
            default -> false;
        };
    }

    /**
     * End of a word: letters, marks and digits, with an apostrophe kept before a capital (O'Brien,
     * d'Hondt). Leaves the word's {@link Lexicon#rawHash} in {@link #wordHash}, so the look-up does not
     * read the word again.
     */
    private int wordEnd(char[] t, int i, int len, long seed, long multiplier) {
        long h = seed;
        // Two ASCII chars per step as h * m^2 + (a * m + b), the same value as two single steps: the
        // chain of dependent multiplications, which bounds this loop, is half as long.
        long squared = multiplier * multiplier;
        while (i < len) {
            char c = t[i];
            if (c < 0x80 && c != '\'') {
                if (!isAsciiLetterOrDigit(c)) {
                    break;
                }
                long a = c >= 'A' && c <= 'Z' ? c + 32 : c;
                char d;
                if (i + 1 < len && (d = t[i + 1]) < 0x80 && isAsciiLetterOrDigit(d)) {
                    h = h * squared + (a * multiplier + (d >= 'A' && d <= 'Z' ? d + 32 : d));
                    i += 2;
                } else {
                    h = h * multiplier + a;
                    i++;
                }
            } else if (Character.isLetterOrDigit(c) || isMark(c) || Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < len) {
                    int cp = Character.codePointAt(t, i, len);
                    if (!Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                        break;
                    }
                    for (int end = i + Character.charCount(cp); i < end; i++) {
                        h = h * multiplier + Lexicon.lower(t[i]);
                    }
                    continue;
                } else if (Character.isSurrogate(c)) {
                    break;
                }
                h = h * multiplier + Lexicon.lower(c);
                i++;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < len && Character.isUpperCase(t[i + 1])) {
                h = h * multiplier + c;
                i++;
            } else {
                break;
            }
        }
        wordHash = h;
        return i;
    }

    /** For a char below 0x80: a letter or a digit. */
    private static boolean isAsciiLetterOrDigit(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@link Character#isWhitespace} or {@link Character#isSpaceChar} for a char below 0x80. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** If {@code [s, e)} of at most three letters is followed by a dot: the end of the dotted run (J.P., v.d.). */
    private static int dottedEnd(char[] t, int s, int e, int len) {
        if (e - s > 4 || e >= len || t[e] != '.') {
            return e;
        }
        int end = e + 1;
        // At most eight segments: "ab.ab.ab...." would otherwise be rescanned from every segment.
        for (int segments = 1; segments < 8; segments++) {
            int q = end;
            while (q < len && q - end < 4 && Character.isLetter(t[q])) {
                q++;
            }
            if (q > end && q < len && t[q] == '.' && q - end <= 3) {
                end = q + 1;
            } else {
                return end;
            }
        }
        return end;
    }

    /** Whether every dotted segment is an initial: one capital, IJ, or a known one such as Th. or Chr. */
    private static boolean initials(char[] t, int s, int e, Lexicon lexicon) {
        int segStart = s;
        for (int i = s; i < e; i++) {
            if (t[i] == '.') {
                int segLen = i - segStart;
                char c0 = t[segStart];
                boolean ok = Character.isUpperCase(c0) && (segLen == 1
                        || (segLen == 2 && c0 == 'I' && (t[segStart + 1] == 'J' || t[segStart + 1] == 'j'))
                        || (lexicon.flags(t, segStart, i) & Lexicon.INITIAL) != 0);
                if (!ok || (segLen > 1 && (lexicon.flags(t, segStart, i) & Lexicon.NOT_INITIAL) != 0)) {
                    return false;
                }
                segStart = i + 1;
            }
        }
        return true;
    }

    private static int caseShape(char[] t, int s, int e) {
        char c0 = t[s];
        if (!(c0 < 0x80 ? isAsciiLetter(c0) : Character.isLetter(c0)) && e - s > 1) {
            c0 = t[s + 1];
        }
        if (isLowerCase(c0)) {
            return LOWER;
        }
        if (c0 < 0x80 ? c0 < 'A' || c0 > 'Z' : !Character.isUpperCase(c0) && !Character.isTitleCase(c0)) {
            return 0; // scripts without case
        }
        for (int i = s + 1; i < e; i++) {
            if (isLowerCase(t[i])) {
                return CAP;
            }
        }
        return e - s > 1 ? ALL_CAPS : CAP;
    }

    /** {@link Character#isLowerCase(char)}, without its Unicode table look-up for ASCII. */
    private static boolean isLowerCase(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    private void add(int s, int e, byte k, int sh, int lf, boolean sentence) {
        if (n == start.length) {
            int cap = n * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            kind = Arrays.copyOf(kind, cap);
            shape = Arrays.copyOf(shape, cap);
            lex = Arrays.copyOf(lex, cap);
        }
        start[n] = s;
        end[n] = e;
        kind[n] = k;
        shape[n] = sh | (sentence && k != PUNCT ? SENT : 0);
        lex[n] = lf;
        // What the passes after tokenizing need, gathered here rather than in a pass of their own each.
        if (k == WORD && (sh & (CAP | ALL_CAPS)) != 0) {
            capitalWord = true;
            addCapital(n);
        }
        if (mayStart(k, sh, lf)) {
            addStart(n);
        }
        if (lf != 0) {
            dutchWords += (lf & Lexicon.DUTCH) != 0 ? 1 : 0;
            englishWords += (lf & Lexicon.ENGLISH) != 0 ? 1 : 0;
            if (firstLowerGiven == Integer.MAX_VALUE && lowerGiven(k, sh, lf, e - s)) {
                firstLowerGiven = n;
            }
        }
        n++;
    }

    private void addCapital(int k) {
        if (nCapital == capital.length) {
            capital = Arrays.copyOf(capital, nCapital * 2);
        }
        capital[nCapital++] = k;
    }

    /** Adds token {@code k}, a word that got its capital after tokenizing, in its place in the list. */
    private void insertCapital(int k) {
        int at = nCapital;
        while (at > 0 && capital[at - 1] > k) {
            at--;
        }
        if (at > 0 && capital[at - 1] == k) {
            return;
        }
        addCapital(0);
        System.arraycopy(capital, at, capital, at + 1, nCapital - 1 - at);
        capital[at] = k;
    }

    boolean is(int i, int shapeFlag) {
        return (shape[i] & shapeFlag) != 0;
    }

    boolean has(int i, int lexFlag) {
        return i >= 0 && i < n && (lex[i] & lexFlag) != 0;
    }

    boolean punct(int i, char c) {
        return i >= 0 && i < n && kind[i] == PUNCT && chars[start[i]] == c;
    }

    /** Holds a finding over tokens {@code [first, end)}; a negative end is ignored. */
    void keep(int first, int end, double score) {
        if (end < 0) {
            return;
        }
        if (nFound == foundFirst.length) {
            int cap = nFound * 2;
            foundFirst = Arrays.copyOf(foundFirst, cap);
            foundEnd = Arrays.copyOf(foundEnd, cap);
            foundScore = Arrays.copyOf(foundScore, cap);
        }
        foundFirst[nFound] = first;
        foundEnd[nFound] = end;
        foundScore[nFound] = score;
        nFound++;
    }

    /** Puts held findings back in text order after later mentions were appended (insertion sort: nearly sorted). */
    void sortFound() {
        for (int a = 1; a < nFound; a++) {
            int f = foundFirst[a];
            int e = foundEnd[a];
            double sc = foundScore[a];
            int b = a - 1;
            while (b >= 0 && foundFirst[b] > f) {
                foundFirst[b + 1] = foundFirst[b];
                foundEnd[b + 1] = foundEnd[b];
                foundScore[b + 1] = foundScore[b];
                b--;
            }
            foundFirst[b + 1] = f;
            foundEnd[b + 1] = e;
            foundScore[b + 1] = sc;
        }
    }

    /** Remembers token {@code i} as the family name of a person found with strong evidence. */
    void rememberFamilyName(int i) {
        int h = textHash(i);
        int mask = knownSlots.length - 1;
        int slot = h & mask;
        while (knownSlots[slot] != 0) {
            int j = knownSlots[slot] - 1;
            if (knownHashes[slot] == h && sameText(i, j)) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        knownSlots[slot] = i + 1;
        knownHashes[slot] = h;
        knownFilter |= 1L << filterBit(i);
        nKnown++;
        if (nKnown * 2 > knownSlots.length) {
            growKnown();
        }
    }

    private void growKnown() {
        int[] oldSlots = knownSlots;
        int[] oldHashes = knownHashes;
        knownSlots = new int[oldSlots.length * 2];
        knownHashes = new int[oldSlots.length * 2];
        int mask = knownSlots.length - 1;
        for (int k = 0; k < oldSlots.length; k++) {
            if (oldSlots[k] != 0) {
                int slot = oldHashes[k] & mask;
                while (knownSlots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                knownSlots[slot] = oldSlots[k];
                knownHashes[slot] = oldHashes[k];
            }
        }
    }

    /** A bit index from token {@code i}'s length, first and last char: equal texts get equal bits. */
    private int filterBit(int i) {
        return (end[i] - start[i]) * 7 + chars[start[i]] * 3 + chars[end[i] - 1];
    }

    /** A hash of token {@code i}'s text, case-sensitive. */
    int textHash(int i) {
        int h = end[i] - start[i];
        for (int c = start[i]; c < end[i]; c++) {
            h = 31 * h + chars[c];
        }
        return h ^ (h >>> 16);
    }

    /** Whether tokens {@code i} and {@code j} spell the same, case-sensitively. */
    boolean sameText(int i, int j) {
        int len = end[i] - start[i];
        if (end[j] - start[j] != len) {
            return false;
        }
        for (int c = 0; c < len; c++) {
            if (chars[start[i] + c] != chars[start[j] + c]) {
                return false;
            }
        }
        return true;
    }

    /** Whether token {@code i} spells, case-sensitively, a family name remembered earlier in this text. */
    boolean isKnownFamilyName(int i) {
        return knownFamilyName(i) >= 0;
    }

    /** The token index of the remembered family name that token {@code i} spells, or -1. */
    int knownFamilyName(int i) {
        if (nKnown == 0 || (knownFilter & 1L << filterBit(i)) == 0) {
            return -1;
        }
        int h = textHash(i);
        int mask = knownSlots.length - 1;
        for (int slot = h & mask; knownSlots[slot] != 0; slot = (slot + 1) & mask) {
            if (knownHashes[slot] == h && sameText(i, knownSlots[slot] - 1)) {
                return knownSlots[slot] - 1;
            }
        }
        return -1;
    }

    /** Whether tokens {@code i} and {@code j} spell the same, ignoring case. */
    boolean sameTextIgnoringCase(int i, int j) {
        int len = end[i] - start[i];
        if (end[j] - start[j] != len) {
            return false;
        }
        for (int c = 0; c < len; c++) {
            if (Lexicon.lower(chars[start[i] + c]) != Lexicon.lower(chars[start[j] + c])) {
                return false;
            }
        }
        return true;
    }

    /** Forget the text so a pooled instance does not keep a caller's prompt reachable. */
    void clear() {
        text = null;
        if (chars.length > MAX_POOLED) {
            chars = new char[1024];
        } else {
            Arrays.fill(chars, 0, length, '\0');
        }
        length = 0;
    }
}
