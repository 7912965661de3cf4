package dev.veil.detect.special;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over the folded symbols of every vocabulary entry, compiled to a dense
 * transition table so that a scan costs one table look-up per char, whatever the number of entries.
 *
 * <p>An entry that may not head a compound (not {@link Term#openLeft()}) only counts at a word start,
 * so the automaton only follows it from one: it is built over a virtual mark that follows every
 * symbol a non-word char folds to (and the start of the text), with such entries preceded by that
 * mark. Inside a word the automaton then tracks only prefixes of {@code *term} entries, a few hundred
 * states that stay in cache, instead of wandering through the whole table on every suffix of every
 * word that spells the start of some entry. The mark is never fed: a transition on such a symbol
 * already includes the mark after it. The scan still checks the real char before each match.
 *
 * <p>The table has a column per symbol and three more, so that a scan reads one entry per char and
 * decides nothing else: invisible chars leave the state as it is, a space right after a space is
 * not fed (a state remembers whether it was reached by one), and a char that may end a sentence is
 * flagged like a match.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class TermAutomaton {

    private static final int A = Folding.ALPHABET;
    /** The virtual word-start mark, one past the real symbols; only used while building. */
    private static final int MARK = A;

    /** The column of invisible chars ({@link Folding#SKIP}): they leave the state as it is. */
    static final int SKIP_COLUMN = A;
    /** The column of {@code . ! ?}: symbol 0, and the char may end a sentence. */
    static final int STOP_COLUMN = A + 1;
    /** The column of a line feed: a space, and the char ends a sentence. */
    static final int NEWLINE_COLUMN = A + 2;
    static final int WIDTH = A + 3;

    /**
     * Set in a {@link #delta()} entry when the scan must note the char: the state reached has outputs
     * that are not {@link #deferred}, the state left has deferred ones and the char may be no word
     * char, or the char is in {@link #STOP_COLUMN} or {@link #NEWLINE_COLUMN}.
     */
    static final int EVENT = 1 << 31;
    /** The cursor of the state at the start of a text (just after the mark). */
    static final int ROOT = 0;

    private static final byte[] COLUMN = new byte[0x10000];

    static {
        for (int c = 0; c < COLUMN.length; c++) {
            COLUMN[c] = columnOf((char) c); // a method, compiled, not a loop body run interpreted (see Folding)
        }
    }

    private static byte columnOf(char c) {
        int sym = Folding.symbol(c);
        return (byte) (c == '.' || c == '!' || c == '?' ? STOP_COLUMN
                : c == '\n' ? NEWLINE_COLUMN : sym == Folding.SKIP ? SKIP_COLUMN : sym);
    }

    /**
     * delta[cursor + column], where a state's cursor is {@code state * WIDTH}: the next state's cursor,
     * with {@link #EVENT} set when the char is to be noted, so a scan reads one array per char. States are
     * numbered breadth first, so the shallow states most chars lead to share a few cache lines.
     */
    private final int[] delta;
    /**
     * Per state: every term that may end there, longest first and of equal length in entry order, the
     * order in which a plain Aho-Corasick suffix chain lists them; null when none.
     */
    private final int[][] matches;
    /**
     * Per state: every term it lists is {@link Term#closedRight()} and it is reached by a word symbol,
     * so its matches count only before a char that is no word char. The transitions into it are not
     * flagged; those out of it on a symbol such a char folds to are (see {@link #EVENT}).
     */
    private final boolean[] deferred;
    private final Term[] terms;

    TermAutomaton(List<Term> termList) {
        this.terms = termList.toArray(new Term[0]);
        final int w = A + 1;
        boolean[] boundary = new boolean[A];
        for (int sym = 0; sym < A; sym++) {
            // Symbol 0 covers punctuation as well as letters no entry uses: a possible word start.
            boundary[sym] = sym == 0 || !Folding.alwaysWordChar(sym);
        }
        int capacity = 1024;
        int[] go = new int[capacity * w];
        Arrays.fill(go, -1);
        int[][] ending = new int[capacity][];
        boolean[] afterMark = new boolean[capacity];
        int nodes = 1;
        int[] pattern = new int[2 * Vocabulary.MAX_SYMBOLS + 1];
        for (int t = 0; t < terms.length; t++) {
            int n = 0;
            if (!terms[t].openLeft()) {
                pattern[n++] = MARK;
            }
            for (byte sym : terms[t].symbols()) {
                pattern[n++] = sym;
                if (boundary[sym]) {
                    pattern[n++] = MARK;
                }
            }
            int s = 0;
            for (int k = 0; k < n; k++) {
                int idx = s * w + pattern[k];
                if (go[idx] < 0) {
                    if (nodes == capacity) {
                        capacity *= 2;
                        int old = go.length;
                        go = Arrays.copyOf(go, capacity * w);
                        Arrays.fill(go, old, go.length, -1);
                        ending = Arrays.copyOf(ending, capacity);
                        afterMark = Arrays.copyOf(afterMark, capacity);
                    }
                    afterMark[nodes] = pattern[k] == MARK;
                    go[idx] = nodes++;
                }
                s = go[idx];
            }
            ending[s] = append(ending[s], t);
        }
        // Breadth first: fail links, missing transitions, and each node's outputs along its suffix chain.
        int[] fail = new int[nodes];
        int[][] outputs = new int[nodes][];
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        for (int sym = 0; sym < w; sym++) {
            int v = go[sym];
            if (v < 0) {
                go[sym] = 0;
            } else {
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int u = queue[head++];
            int f = fail[u];
            outputs[u] = concat(ending[u], outputs[f]);
            for (int sym = 0; sym < w; sym++) {
                int idx = u * w + sym;
                int v = go[idx];
                if (v < 0) {
                    go[idx] = go[f * w + sym];
                } else {
                    fail[v] = go[f * w + sym];
                    queue[tail++] = v;
                }
            }
        }
        boolean[] deferred = new boolean[nodes];
        for (int u = 1; u < nodes; u++) {
            // Only states reached by a letter or digit: one after a mark may be reached by a line feed
            // or stay put on a collapsed space, and those chars are noted as they come.
            deferred[u] = outputs[u] != null && !afterMark[u];
            for (int k = 0; deferred[u] && k < outputs[u].length; k++) {
                deferred[u] = terms[outputs[u][k]].closedRight();
            }
        }
        Trie trie = new Trie(go, outputs, boundary, deferred);
        // A scan state is a node and whether the last symbol fed was a space (the next one is then
        // not fed); only nodes after a mark can be reached both ways. Number the reachable pairs
        // breadth first from the start state.
        int[] id = new int[2 * nodes];
        Arrays.fill(id, -1);
        int[] order = new int[2 * nodes];
        order[0] = 2 * go[MARK];
        id[order[0]] = 0;
        head = 0;
        tail = 1;
        // Each pair's targets are worked out once, kept in state order, and renumbered below.
        int[] targets = new int[Math.min(2 * nodes, 1024) * WIDTH];
        while (head < tail) {
            int pair = order[head];
            if (targets.length < (head + 1) * WIDTH) {
                targets = Arrays.copyOf(targets, Math.min(2 * nodes * WIDTH, 2 * targets.length));
            }
            for (int col = 0; col < WIDTH; col++) {
                int target = trie.target(pair, col);
                targets[head * WIDTH + col] = target;
                int v = target & ~EVENT;
                if (id[v] < 0) {
                    id[v] = tail;
                    order[tail++] = v;
                }
            }
            head++;
        }
        this.delta = new int[tail * WIDTH];
        this.matches = new int[tail][];
        this.deferred = new boolean[tail];
        for (int k = 0; k < tail; k++) {
            int pair = order[k];
            for (int col = 0; col < WIDTH; col++) {
                int v = targets[k * WIDTH + col];
                delta[k * WIDTH + col] = id[v & ~EVENT] * WIDTH | (v & EVENT);
            }
            int[] out = outputs[pair >> 1];
            matches[k] = out == null ? null : sorted(out);
            this.deferred[k] = deferred[pair >> 1];
        }
    }

    /**
     * The trie over the extended alphabet with its missing transitions filled in, while the table is
     * compiled from it.
     */
    private record Trie(int[] go, int[][] outputs, boolean[] boundary, boolean[] deferred) {

        /**
         * Where column {@code col} leads from {@code pair} (node * 2, plus 1 after a space), with
         * {@link #EVENT} set when the scan must note the char.
         */
        int target(int pair, int col) {
            int u = pair >> 1;
            boolean afterSpace = (pair & 1) != 0;
            int sym;
            boolean event;
            switch (col) {
                case SKIP_COLUMN -> {
                    return pair;
                }
                case STOP_COLUMN -> {
                    sym = 0;
                    event = true;
                }
                case NEWLINE_COLUMN -> {
                    sym = Folding.SPACE;
                    event = true;
                }
                default -> {
                    sym = col;
                    event = false;
                }
            }
            // The deferred outputs of u are noted on a char that may be no word char.
            event |= deferred[u] && boundary[sym];
            if (sym == Folding.SPACE && afterSpace) {
                return pair | (event ? EVENT : 0); // a space after a space is not fed
            }
            int w = A + 1;
            int v = go[u * w + sym];
            if (boundary[sym]) {
                v = go[v * w + MARK];
            }
            event |= outputs[v] != null && !deferred[v];
            return (2 * v + (sym == Folding.SPACE ? 1 : 0)) | (event ? EVENT : 0);
        }
    }

    private static int[] append(int[] list, int t) {
        if (list == null) {
            return new int[] {t};
        }
        int[] copy = Arrays.copyOf(list, list.length + 1);
        copy[list.length] = t;
        return copy;
    }

    private static int[] concat(int[] own, int[] inherited) {
        if (own == null) {
            return inherited;
        }
        if (inherited == null) {
            return own;
        }
        int[] all = Arrays.copyOf(own, own.length + inherited.length);
        System.arraycopy(inherited, 0, all, own.length, inherited.length);
        return all;
    }

    /**
     * The outputs in the order a scan handles them: longest first, then by entry. Marks make chain
     * order differ from symbol length, and the order of hits and cues at one char is observable.
     */
    private int[] sorted(int[] ids) {
        Integer[] boxed = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        Arrays.sort(boxed, (x, y) -> terms[x].length() != terms[y].length()
                ? Integer.compare(terms[y].length(), terms[x].length()) : Integer.compare(x, y));
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** The column of char {@code c} in the transition table. */
    static int column(char c) {
        return COLUMN[c];
    }

    /**
     * The table: {@code delta()[cursor + column(c)]} is the cursor after char {@code c} (start at
     * {@link #ROOT}), with {@link #EVENT} set when the scan must note the char: mask it off before the
     * next move. Shared, never to be written.
     */
    int[] delta() {
        return delta;
    }

    /** The state a cursor stands for. */
    static int state(int cursor) {
        return (cursor & ~EVENT) / WIDTH;
    }

    /**
     * The terms that may match where the scan reached {@code state}, longest first, or null; terms
     * that may not head a compound are listed only after a symbol a non-word char folds to.
     */
    int[] matches(int state) {
        return matches[state];
    }

    /**
     * Whether the matches of {@code state} are noted on the char after the one that reached it, and
     * only when that char may end a word: "I" and "he" start many words, but match few.
     */
    boolean deferred(int state) {
        return deferred[state];
    }

    Term term(int id) {
        return terms[id];
    }

    int termCount() {
        return terms.length;
    }

    int stateCount() {
        return matches.length;
    }
}
