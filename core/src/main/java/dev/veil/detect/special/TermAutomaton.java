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
 * <p>Immutable after construction and thread-safe.
 */
final class TermAutomaton {

    private static final int A = Folding.ALPHABET;
    /** The virtual word-start mark, one past the real symbols; only used while building. */
    private static final int MARK = A;

    /** Set in a {@link #move} result when the state reached has outputs. */
    static final int HAS_OUTPUT = 1 << 31;
    /** The cursor of the state at the start of a text (just after the mark). */
    static final int ROOT = 0;

    /**
     * delta[cursor + symbol], where a state's cursor is {@code state * A}: the next state's cursor,
     * with {@link #HAS_OUTPUT} set when it has outputs, so a scan reads one array per char. States are
     * numbered breadth first, so the shallow states most chars lead to share a few cache lines.
     */
    private final int[] delta;
    /**
     * Per state: every term that may end there, longest first and of equal length in entry order, the
     * order in which a plain Aho-Corasick suffix chain lists them; null when none, and then the
     * transitions into the state do not carry {@link #HAS_OUTPUT}.
     */
    private final int[][] matches;
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
                    }
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
        // Only the states after a real symbol (and its mark) are ever reached; number them breadth
        // first from the start state.
        int start = go[MARK];
        int[] id = new int[nodes];
        Arrays.fill(id, -1);
        int[] order = queue;
        id[start] = 0;
        order[0] = start;
        head = 0;
        tail = 1;
        int[] next = new int[nodes * A];
        while (head < tail) {
            int u = order[head++];
            for (int sym = 0; sym < A; sym++) {
                int v = go[u * w + sym];
                if (boundary[sym]) {
                    v = go[v * w + MARK];
                }
                next[u * A + sym] = v;
                if (id[v] < 0) {
                    id[v] = tail;
                    order[tail++] = v;
                }
            }
        }
        this.delta = new int[tail * A];
        this.matches = new int[tail][];
        for (int k = 0; k < tail; k++) {
            int u = order[k];
            for (int sym = 0; sym < A; sym++) {
                int v = next[u * A + sym];
                delta[k * A + sym] = id[v] * A | (outputs[v] != null ? HAS_OUTPUT : 0);
            }
            matches[k] = outputs[u] == null ? null : sorted(outputs[u]);
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

    /**
     * The cursor after reading {@code symbol} at {@code cursor} (start at {@link #ROOT}), with
     * {@link #HAS_OUTPUT} set when outputs apply there: mask it off before the next move.
     */
    int move(int cursor, int symbol) {
        return delta[cursor + symbol];
    }

    /** The state a cursor stands for. */
    static int state(int cursor) {
        return (cursor & ~HAS_OUTPUT) / A;
    }

    /**
     * The terms that may match where the scan reached {@code state}, longest first, or null; terms
     * that may not head a compound are listed only after a symbol a non-word char folds to.
     */
    int[] matches(int state) {
        return matches[state];
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
