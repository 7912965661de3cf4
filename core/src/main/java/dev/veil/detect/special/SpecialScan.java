package dev.veil.detect.special;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.detect.FindingSink;
import java.util.Arrays;
import java.util.List;

/**
 * One scan of one text: feeds every char once through the {@link TermAutomaton}, checks word
 * boundaries, suffixes and case on each candidate, notes sentence boundaries, cues and person
 * references, and then reports each term with a score from its person linkage.
 *
 * <p>Holds growable scratch arrays so that a scan allocates nothing once warmed up; one instance per
 * thread (see {@link #forThread()}). Not thread-safe.
 */
final class SpecialScan {

    static final double SCORE_IDENTIFIED = 0.9;
    static final double SCORE_REFERENCE = 0.7;
    static final double SCORE_UNLINKED = 0.35;

    private static final byte LINK_REFERENCE = 1;
    private static final byte LINK_IDENTIFIED = 2;
    private static final int MAX_HITS = Integer.MAX_VALUE - 8;
    private static final int MAX_POOLED = 1 << 17;

    private static final String[] NL_SUFFIXES = {"s", "e", "en", "n", "es", "er", "ers", "je", "jes", "tje", "tjes", "te", "ten", "ste"};
    private static final String[] EN_SUFFIXES = {"s", "es", "ed", "ing"};
    private static final String[] NL_SHORT_SUFFIXES = {"s", "en"};
    private static final String[] EN_SHORT_SUFFIXES = {"s"};
    /** Determiners that make a role noun generic: "een patiënt met diabetes", "a patient with ...". */
    private static final String[] INDEFINITE = {"een", "elke", "iedere", "ieder", "geen", "welke", "a", "an", "any", "every", "each", "no", "which"};

    private static final ThreadLocal<SpecialScan> SCRATCH = ThreadLocal.withInitial(SpecialScan::new);

    /** The chars of the symbols a match was fed, last first: see {@link #fedBack}. */
    private final int[] fedAt = new int[Vocabulary.MAX_SYMBOLS];
    private final AutomatonRun automatonRun = new AutomatonRun();
    private int[] hitStart = new int[32];
    private int[] hitEnd = new int[32];
    private int[] hitTerm = new int[32];
    private int[] hitSentence = new int[32];
    /** The matched entry itself, before extension to the whole word or hyphenated compound. */
    private int[] hitMatchStart = new int[32];
    private int[] hitMatchEnd = new int[32];
    private int hitCount;
    private int[] exStart = new int[8];
    private int[] exEnd = new int[8];
    private long[] exMask = new long[8];
    private int[] cueStart = new int[8];
    private int[] cueEnd = new int[8];
    private int[] cueSentence = new int[8];
    private long[] cueTypes = new long[8];
    private int cueCount;
    private long[] exOrder = new long[8];
    private int[] exMaxEnd = new int[8];
    private int exCount;
    private int[] sentenceStart = new int[16];
    private long[] strongMask = new long[16];
    private byte[] link = new byte[16];
    private int sentenceCount;
    private long[] order = new long[32];
    private final int[] pendingStart = new int[Vocabulary.MAX_TYPES];
    private final int[] pendingEnd = new int[Vocabulary.MAX_TYPES];
    private final double[] pendingScore = new double[Vocabulary.MAX_TYPES];

    private CharSequence text;
    private int length;
    /** The last word run found by {@link #wordRun}; empty when {@code runStart == runEnd}. */
    private int runStart;
    private int runEnd;
    /** A copy of the text while a scan runs, zeroed after it. */
    private char[] chars = new char[1024];

    static SpecialScan forThread() {
        SpecialScan scan = SCRATCH.get();
        // A sink that scans again on the same thread must not clobber the outer scan's scratch.
        return scan.text == null ? scan : new SpecialScan();
    }

    void run(Compiled c, CharSequence input, int languageMask, List<Finding> prior, FindingSink sink) {
        this.text = input;
        this.length = input.length();
        hitCount = 0;
        exCount = 0;
        cueCount = 0;
        sentenceCount = 0;
        newSentence(0);
        try {
            scan(c, languageMask);
            linkPriorFindings(prior);
            report(c, sink);
        } finally {
            this.text = null; // never keep the caller's text beyond the call
            automatonRun.trim(MAX_POOLED);
            if (chars.length > MAX_POOLED) {
                chars = new char[1024];
            } else {
                Arrays.fill(chars, 0, Math.min(length, chars.length), '\0');
            }
        }
    }

    private void scan(Compiled c, int languageMask) {
        TermAutomaton automaton = c.automaton;
        runStart = 0;
        runEnd = 0;
        // The chars once into scratch: a plain array read per char instead of String.charAt's checks.
        int length = this.length;
        if (chars.length < length) {
            // Up to MAX_POOLED chars the buffer stays with the thread; a longer text gets its own.
            chars = new char[length <= MAX_POOLED ? Math.max(length, 2 * chars.length) : length];
        }
        char[] chars = this.chars;
        text.toString().getChars(0, length, chars, 0);
        automatonRun.feed(automaton, chars, length);
        for (int p = 0; p < AutomatonRun.PARTS; p++) {
            handle(c, automatonRun.part(p), languageMask);
        }
    }

    /** What one part noted, in text order; at one char the matches come before the sentence end. */
    private void handle(Compiled c, AutomatonRun.Notes notes, int languageMask) {
        TermAutomaton automaton = c.automaton;
        for (int k = 0; k < notes.count; k++) {
            int i = notes.at[k];
            int from = TermAutomaton.state(notes.from[k]);
            // Deferred matches of the char before, which reached the state unless it was invisible.
            if (automaton.deferred(from) && TermAutomaton.column(chars[i - 1]) != TermAutomaton.SKIP_COLUMN) {
                matchesAt(c, from, i - 1, languageMask);
            }
            if (i == length) {
                continue; // noted at the end of the text for deferred matches only
            }
            int state = TermAutomaton.state(notes.to[k]);
            char ch = chars[i];
            // A line feed right after a space is not fed: the state stays, and its matches were noted.
            if (automaton.matches(state) != null && !automaton.deferred(state)
                    && (ch != '\n' || notes.from[k] != notes.to[k])) {
                matchesAt(c, state, i, languageMask);
            }
            if (ch == '\n' || ((ch == '.' || ch == '!' || ch == '?')
                    && (i + 1 == length || Character.isWhitespace(chars[i + 1])))) {
                newSentence(i + 1);
            }
        }
    }

    /**
     * The matches of one char: each term the state lists, unless its language or its edges rule it
     * out; from one int per entry where that is enough ("I" before the "s" of "is"), before the chars
     * of the match are found or candidate() reads the entry itself.
     */
    private void matchesAt(Compiled c, int state, int last, int languageMask) {
        int[] ids = c.automaton.matches(state);
        int[] gates = c.gates;
        boolean gluedRight = last + 1 < length && Folding.isWordChar(chars[last + 1]);
        boolean located = false;
        for (int id : ids) {
            int gate = gates[id];
            if ((gate & Compiled.LANGUAGES & languageMask) == 0
                    || gluedRight && (gate & Compiled.CLOSED_RIGHT) != 0) {
                continue;
            }
            if (!located) {
                fedBack(last, gates[ids[0]] >>> Compiled.LENGTH_SHIFT); // the longest comes first
                located = true;
            }
            if ((gate & Compiled.OPEN_LEFT) == 0
                    && rejectedLeft(chars, fedAt[(gate >>> Compiled.LENGTH_SHIFT) - 1])) {
                continue;
            }
            candidate(c, id, last, languageMask);
        }
    }

    /**
     * Fills {@link #fedAt} with the chars of the last {@code n} symbols fed up to char {@code last}
     * ({@code fedAt[0] == last}): the automaton skips invisible chars and every space of a run but the
     * first, so a match of n symbols may span more chars.
     */
    private void fedBack(int last, int n) {
        char[] chars = this.chars;
        int[] fedAt = this.fedAt;
        int p = last;
        fedAt[0] = p;
        for (int k = 1; k < n; k++) {
            int sym;
            do {
                sym = Folding.symbol(chars[--p]);
            } while (sym == Folding.SKIP);
            if (sym == Folding.SPACE) {
                for (int q = p - 1; q >= 0; q--) {
                    int before = Folding.symbol(chars[q]);
                    if (before == Folding.SPACE) {
                        p = q;
                    } else if (before != Folding.SKIP) {
                        break;
                    }
                }
            }
            fedAt[k] = p;
        }
    }

    /** Whether a match starting at {@code start} is glued to a word char before it. */
    private static boolean rejectedLeft(char[] chars, int start) {
        return start > 0 && Folding.isWordChar(chars[start - 1]);
    }

    /** Checks one automaton match ending at char {@code last} and records it by kind. */
    private void candidate(Compiled c, int id, int last, int languageMask) {
        Term t = c.automaton.term(id);
        if ((t.languageMask() & languageMask) == 0) {
            return;
        }
        int len = t.length();
        int start = fedAt[len - 1];
        int end = last + 1;
        int s = start;
        if (start > 0 && Folding.isWordChar(chars[start - 1])) {
            if (!t.openLeft()) {
                return;
            }
            s = wordStart(start);
            if (start - s < 2) {
                return;
            }
        }
        int e = end;
        if (end < length && Folding.isWordChar(chars[end])) {
            int k = wordEnd(end);
            if (!t.openRight() && (t.caseSensitive() || t.kind() == Term.Kind.REFERENCE
                    || !allowedSuffix(t, end, k, languageMask))) {
                return;
            }
            e = k;
        }
        if (t.caseSensitive() && !matchesExactly(t.raw(), start, end)) {
            return;
        }
        int sentence = sentenceCount - 1;
        switch (t.kind()) {
            case EXCEPTION -> addException(s, e, t.typeMask());
            case CUE -> addCue(s, e, t.typeMask(), sentence);
            case REFERENCE -> {
                if (!isPluralPossessive(e) && !afterIndefinite(s)) {
                    link[sentence] |= LINK_REFERENCE;
                }
            }
            case TERM -> {
                if (t.reportFrom() > 0 || t.reportTo() < len) {
                    s = fedAt[len - 1 - t.reportFrom()];
                    if (t.reportTo() < len) {
                        e = fedAt[len - t.reportTo()] + 1;
                    }
                } else {
                    // A hyphenated compound is one value: MS-patiënt, BRCA1-mutatie, Vooruit-kiezer.
                    for (int guard = 0; guard < 3 && e + 1 < length && isHyphen(chars[e])
                            && Character.isLetterOrDigit(chars[e + 1]); guard++) {
                        e = wordEnd(e + 1);
                    }
                    for (int guard = 0; guard < 3 && s >= 2 && isHyphen(chars[s - 1])
                            && Character.isLetterOrDigit(chars[s - 2]); guard++) {
                        s = wordStart(s - 1);
                    }
                }
                if (c.capitalisedNextRule[id] && e + 1 < length && chars[e] == ' '
                        && Character.isUpperCase(chars[e + 1])) {
                    return; // "MS Teams", "MS Word": an abbreviation followed by a product name
                }
                if (!t.needsCue()) {
                    strongMask[sentence] |= t.typeMask();
                }
                addHit(s, e, start, end, id, sentence);
            }
        }
    }

    private void linkPriorFindings(List<Finding> prior) {
        for (Finding f : prior) {
            if (f.type().isSpecialCategory() || f.start() >= length) {
                continue;
            }
            int idx = Arrays.binarySearch(sentenceStart, 0, sentenceCount, f.start());
            int sentence = idx >= 0 ? idx : -idx - 2;
            link[Math.max(sentence, 0)] |= LINK_IDENTIFIED;
        }
    }

    private void report(Compiled c, FindingSink sink) {
        sortExceptions();
        int n = 0;
        for (int h = 0; h < hitCount; h++) {
            if ((c.automaton.term(hitTerm[h]).typeMask() & ~droppedTypes(hitStart[h], hitEnd[h])) != 0) {
                order[n++] = ((long) hitStart[h] << 31) | h;
            }
        }
        Arrays.sort(order, 0, n);
        Arrays.fill(pendingEnd, -1);
        EntityType[] types = c.types;
        for (int k = 0; k < n; k++) {
            int h = (int) (order[k] & 0x7FFFFFFF);
            Term t = c.automaton.term(hitTerm[h]);
            int sentence = hitSentence[h];
            long mask = t.typeMask() & ~droppedTypes(hitStart[h], hitEnd[h]);
            if (t.needsCue()) {
                mask &= cuesAround(h) | strongMask[sentence];
            }
            int linkLevel = link[sentence] | (sentence > 0 ? link[sentence - 1] : 0);
            double score = (linkLevel & LINK_IDENTIFIED) != 0 ? SCORE_IDENTIFIED
                    : (linkLevel & LINK_REFERENCE) != 0 ? SCORE_REFERENCE : SCORE_UNLINKED;
            while (mask != 0) {
                int bit = Long.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                // Per type, of overlapping hits keep the earliest, and of those starting together the
                // longest ("borstkanker" over "kanker"); a hit is reported once nothing can replace it.
                if (pendingEnd[bit] < 0) {
                    setPending(bit, h, score);
                } else if (hitStart[h] == pendingStart[bit]) {
                    if (hitEnd[h] > pendingEnd[bit]) {
                        setPending(bit, h, Math.max(score, pendingScore[bit]));
                    }
                } else if (hitStart[h] >= pendingEnd[bit]) {
                    sink.accept(pendingStart[bit], pendingEnd[bit], types[bit], pendingScore[bit]);
                    setPending(bit, h, score);
                }
            }
        }
        for (int bit = 0; bit < types.length; bit++) {
            if (pendingEnd[bit] >= 0) {
                sink.accept(pendingStart[bit], pendingEnd[bit], types[bit], pendingScore[bit]);
            }
        }
    }

    private void setPending(int bit, int h, double score) {
        pendingStart[bit] = hitStart[h];
        pendingEnd[bit] = hitEnd[h];
        pendingScore[bit] = score;
    }

    private boolean allowedSuffix(Term t, int from, int to, int languageMask) {
        int len = to - from;
        if (len > 4) {
            return false;
        }
        int lang = t.languageMask() & languageMask;
        boolean isShort = t.length() <= 3;
        return ((lang & Term.NL) != 0 && anySuffix(isShort ? NL_SHORT_SUFFIXES : NL_SUFFIXES, from, len))
                || ((lang & Term.EN) != 0 && anySuffix(isShort ? EN_SHORT_SUFFIXES : EN_SUFFIXES, from, len));
    }

    private boolean anySuffix(String[] suffixes, int from, int len) {
        for (String suffix : suffixes) {
            if (suffix.length() == len && foldedEquals(from, suffix)) {
                return true;
            }
        }
        return false;
    }

    private boolean foldedEquals(int from, String folded) {
        for (int j = 0; j < folded.length(); j++) {
            if (Folding.charOf(Folding.symbol(chars[from + j])) != folded.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesExactly(String raw, int start, int end) {
        if (end - start != raw.length()) {
            return false;
        }
        for (int j = 0; j < raw.length(); j++) {
            if (chars[start + j] != raw.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** "collega's", "patient's" as plural or genitive after a role noun: the genitive still counts in English. */
    private boolean isPluralPossessive(int e) {
        return e + 1 < length && isApostrophe(chars[e]) && (chars[e + 1] == 's' || chars[e + 1] == 'S')
                && (e + 2 == length || !Folding.isWordChar(chars[e + 2]))
                && e >= 1 && isVowel(chars[e - 1]);
    }

    private boolean afterIndefinite(int s) {
        int p = s - 1;
        while (p >= 0 && chars[p] == ' ') {
            p--;
        }
        if (p < 0 || !Folding.isWordChar(chars[p])) {
            return false;
        }
        int we = p + 1;
        int ws = wordStart(we - 1);
        for (String word : INDEFINITE) {
            if (word.length() == we - ws && foldedEquals(ws, word)) {
                return true;
            }
        }
        return false;
    }

    /** The start of the word run that char {@code i - 1} belongs to, or {@code i} if it is no word char. */
    private int wordStart(int i) {
        if (i == 0 || !Folding.isWordChar(chars[i - 1])) {
            return i;
        }
        wordRun(i - 1);
        return runStart;
    }

    /** The end of the word run that char {@code i} belongs to, or {@code i} if it is no word char. */
    private int wordEnd(int i) {
        if (i >= length || !Folding.isWordChar(chars[i])) {
            return i;
        }
        wordRun(i);
        return runEnd;
    }

    /**
     * Finds the word run around word char {@code i}, remembering the last one: every match inside one long
     * glued word ("kankerkankerkanker...") asks for the same run, which is walked once instead of per match.
     */
    private void wordRun(int i) {
        if (runStart <= i && i < runEnd) {
            return;
        }
        int a = i;
        while (a > 0 && Folding.isWordChar(chars[a - 1])) {
            a--;
        }
        int b = i + 1;
        while (b < length && Folding.isWordChar(chars[b])) {
            b++;
        }
        runStart = a;
        runEnd = b;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean isVowel(char c) {
        return "aeiouyAEIOUY".indexOf(c) >= 0;
    }

    private void newSentence(int start) {
        if (sentenceCount > 0 && sentenceStart[sentenceCount - 1] == start) {
            return;
        }
        if (sentenceCount == sentenceStart.length) {
            int size = sentenceCount * 2;
            sentenceStart = Arrays.copyOf(sentenceStart, size);
            strongMask = Arrays.copyOf(strongMask, size);
            link = Arrays.copyOf(link, size);
        }
        sentenceStart[sentenceCount] = start;
        strongMask[sentenceCount] = 0;
        link[sentenceCount] = 0;
        sentenceCount++;
    }

    private void addHit(int s, int e, int matchStart, int matchEnd, int id, int sentence) {
        if (hitCount == MAX_HITS) {
            return; // cannot happen before the arrays outgrow the heap; kept as a guard
        }
        if (hitCount == hitStart.length) {
            int size = hitCount * 2;
            hitStart = Arrays.copyOf(hitStart, size);
            hitEnd = Arrays.copyOf(hitEnd, size);
            hitTerm = Arrays.copyOf(hitTerm, size);
            hitSentence = Arrays.copyOf(hitSentence, size);
            hitMatchStart = Arrays.copyOf(hitMatchStart, size);
            hitMatchEnd = Arrays.copyOf(hitMatchEnd, size);
            order = Arrays.copyOf(order, size);
        }
        hitStart[hitCount] = s;
        hitEnd[hitCount] = e;
        hitTerm[hitCount] = id;
        hitSentence[hitCount] = sentence;
        hitMatchStart[hitCount] = matchStart;
        hitMatchEnd[hitCount] = matchEnd;
        hitCount++;
    }

    private void addException(int s, int e, long typeMask) {
        if (exCount == exStart.length) {
            exStart = Arrays.copyOf(exStart, exCount * 2);
            exEnd = Arrays.copyOf(exEnd, exCount * 2);
            exMask = Arrays.copyOf(exMask, exCount * 2);
        }
        exStart[exCount] = s;
        exEnd[exCount] = e;
        exMask[exCount] = typeMask == 0 ? -1L : typeMask; // no type: an allow-list entry, drops every type
        exCount++;
    }

    private void addCue(int s, int e, long typeMask, int sentence) {
        if (cueCount == cueStart.length) {
            int size = cueCount * 2;
            cueStart = Arrays.copyOf(cueStart, size);
            cueEnd = Arrays.copyOf(cueEnd, size);
            cueSentence = Arrays.copyOf(cueSentence, size);
            cueTypes = Arrays.copyOf(cueTypes, size);
        }
        cueStart[cueCount] = s;
        cueEnd[cueCount] = e;
        cueSentence[cueCount] = sentence;
        cueTypes[cueCount] = typeMask;
        cueCount++;
    }

    /**
     * The types with a cue in the sentence of hit {@code h} outside the matched entry, so that a term
     * never supports itself ("supporter" is no cue for "supporter?"), while the rest of a compound may
     * ("patiënt" supports "MS" in "MS-patiënt").
     */
    private long cuesAround(int h) {
        int sentence = hitSentence[h];
        int lo = 0;
        int hi = cueCount; // cues are recorded in text order, so their sentences never decrease
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cueSentence[mid] < sentence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long types = 0;
        for (int x = lo; x < cueCount && cueSentence[x] == sentence; x++) {
            if (cueEnd[x] <= hitMatchStart[h] || cueStart[x] >= hitMatchEnd[h]) {
                types |= cueTypes[x];
            }
        }
        return types;
    }

    /** Orders exceptions by start and notes the running maximum end, for {@link #droppedTypes}. */
    private void sortExceptions() {
        if (exOrder.length < exCount) {
            exOrder = new long[exStart.length];
            exMaxEnd = new int[exStart.length];
        }
        for (int x = 0; x < exCount; x++) {
            exOrder[x] = ((long) exStart[x] << 31) | x;
        }
        Arrays.sort(exOrder, 0, exCount);
        int max = -1;
        for (int k = 0; k < exCount; k++) {
            max = Math.max(max, exEnd[(int) (exOrder[k] & 0x7FFFFFFF)]);
            exMaxEnd[k] = max;
        }
    }

    /** The types that exceptions overlapping {@code [s, e)} drop; logarithmic in the number of exceptions. */
    private long droppedTypes(int s, int e) {
        int lo = 0;
        int hi = exCount; // first exception starting at or after e
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if ((int) (exOrder[mid] >>> 31) < e) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long dropped = 0;
        for (int k = lo - 1; k >= 0 && exMaxEnd[k] > s; k--) {
            int x = (int) (exOrder[k] & 0x7FFFFFFF);
            if (exEnd[x] > s) {
                dropped |= exMask[x];
            }
        }
        return dropped;
    }

    /** What a built detector shares with every scan: the automaton and per-term precomputed flags. */
    static final class Compiled {
        final TermAutomaton automaton;
        final EntityType[] types;
        final boolean[] capitalisedNextRule;
        /**
         * Per entry: its language mask, {@link #OPEN_LEFT}, {@link #CLOSED_RIGHT}, and its length from
         * {@link #LENGTH_SHIFT}.
         */
        final int[] gates;

        static final int LANGUAGES = 0xFF;
        static final int OPEN_LEFT = 1 << 8;
        /** {@link Term#closedRight()}: rejected when a word char follows. */
        static final int CLOSED_RIGHT = 1 << 9;
        static final int LENGTH_SHIFT = 16;

        Compiled(TermAutomaton automaton, List<EntityType> types) {
            this.automaton = automaton;
            this.types = types.toArray(new EntityType[0]);
            this.capitalisedNextRule = new boolean[automaton.termCount()];
            this.gates = new int[automaton.termCount()];
            for (int i = 0; i < capitalisedNextRule.length; i++) {
                Term t = automaton.term(i);
                capitalisedNextRule[i] = t.caseSensitive() && t.needsCue() && t.allCaps();
                if ((t.languageMask() & ~LANGUAGES) != 0) {
                    throw new IllegalStateException("language mask out of range");
                }
                gates[i] = t.languageMask() | (t.openLeft() ? OPEN_LEFT : 0) | (t.closedRight() ? CLOSED_RIGHT : 0)
                        | t.length() << LENGTH_SHIFT;
            }
        }
    }
}
