package dev.veil.detect.special;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over the folded symbols of every vocabulary entry, compiled to a dense
 * transition table so that a scan costs one table look-up per char, whatever the number of entries.
 * Symbol 0 (a char no entry uses) always returns to the root.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class TermAutomaton {

    private static final int A = Folding.ALPHABET;

    /** Set in a {@link #move} result when the state reached has outputs. */
    static final int HAS_OUTPUT = 1 << 31;
    /** The root's cursor. */
    static final int ROOT = 0;

    /**
     * delta[cursor + symbol], where a state's cursor is {@code state * A}: the next state's cursor,
     * with {@link #HAS_OUTPUT} set when it has outputs, so a scan reads one array per char. States are
     * numbered breadth first, so the shallow states most chars lead to share a few cache lines.
     */
    private final int[] delta;
    /**
     * Per state: every term ending there or at a suffix state, in the order of the suffix chain
     * (longest first), without those the state itself rules out (see {@link #gluedLeft}); null when
     * none is left, and then the transitions into the state do not carry {@link #HAS_OUTPUT}.
     */
    private final int[][] matches;
    private final Term[] terms;
    private final int maxLength;

    TermAutomaton(List<Term> termList) {
        this.terms = termList.toArray(new Term[0]);
        int capacity = 1024;
        int[] table = new int[capacity * A];
        Arrays.fill(table, -1);
        List<List<Integer>> out = new ArrayList<>();
        out.add(null);
        int states = 1;
        int longest = 1;
        // The trie's parent and incoming symbol per state, to read back the symbols a state stands for.
        int[] parent = new int[capacity];
        byte[] in = new byte[capacity];
        int[] depth = new int[capacity];
        for (int t = 0; t < terms.length; t++) {
            byte[] symbols = terms[t].symbols();
            longest = Math.max(longest, symbols.length);
            int s = 0;
            for (byte sym : symbols) {
                int idx = s * A + sym;
                if (table[idx] < 0) {
                    if (states == capacity) {
                        capacity *= 2;
                        int old = table.length;
                        table = Arrays.copyOf(table, capacity * A);
                        Arrays.fill(table, old, table.length, -1);
                        parent = Arrays.copyOf(parent, capacity);
                        in = Arrays.copyOf(in, capacity);
                        depth = Arrays.copyOf(depth, capacity);
                    }
                    out.add(null);
                    parent[states] = s;
                    in[states] = sym;
                    depth[states] = depth[s] + 1;
                    table[idx] = states++;
                }
                s = table[idx];
            }
            if (out.get(s) == null) {
                out.set(s, new ArrayList<>());
            }
            out.get(s).add(t);
        }
        this.maxLength = longest;
        int[] next = Arrays.copyOf(table, states * A);
        int[][] outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            List<Integer> o = out.get(s);
            outputs[s] = o == null ? null : o.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] fail = new int[states];
        int[] outputLink = new int[states];
        Arrays.fill(outputLink, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int sym = 0; sym < A; sym++) {
            int v = next[sym];
            if (v <= 0 || sym == 0) {
                next[sym] = 0;
            } else {
                fail[v] = 0;
                queue.add(v);
            }
        }
        int[] firstOutput = new int[states];
        while (!queue.isEmpty()) {
            int u = queue.poll();
            int f = fail[u];
            outputLink[u] = outputs[f] != null ? f : outputLink[f];
            for (int sym = 0; sym < A; sym++) {
                int idx = u * A + sym;
                int v = next[idx];
                if (sym == 0) {
                    next[idx] = 0;
                } else if (v < 0) {
                    next[idx] = next[f * A + sym];
                } else {
                    fail[v] = next[f * A + sym];
                    queue.add(v);
                }
            }
        }
        for (int st = 0; st < states; st++) {
            firstOutput[st] = outputs[st] != null ? st : outputLink[st];
        }
        int[][] live = new int[states][];
        for (int st = 0; st < states; st++) {
            int[] all = new int[0];
            for (int o = firstOutput[st]; o >= 0; o = outputLink[o]) {
                for (int t : outputs[o]) {
                    if (!gluedLeft(terms[t], st, parent, in, depth)) {
                        all = Arrays.copyOf(all, all.length + 1);
                        all[all.length - 1] = t;
                    }
                }
            }
            live[st] = all.length == 0 ? null : all;
        }
        // Renumber breadth first from the root and encode the transitions as cursors.
        int[] order = new int[states];
        int[] id = new int[states];
        Arrays.fill(id, -1);
        id[0] = 0;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int u = order[head++];
            for (int sym = 0; sym < A; sym++) {
                int v = next[u * A + sym];
                if (id[v] < 0) {
                    id[v] = tail;
                    order[tail++] = v;
                }
            }
        }
        this.delta = new int[states * A];
        this.matches = new int[states][];
        for (int u = 0; u < states; u++) {
            int nu = id[u];
            for (int sym = 0; sym < A; sym++) {
                int v = next[u * A + sym];
                delta[nu * A + sym] = id[v] * A | (live[v] != null ? HAS_OUTPUT : 0);
            }
            this.matches[nu] = live[u];
        }
    }

    /**
     * Whether a term ending at {@code state} can never be reported there: it may not be the tail of
     * a compound (not {@link Term#openLeft()}), and the symbol the state has read just before it is a
     * letter or digit, so the char before the match is a word char (that symbol's char, or an
     * invisible one skipped after it) and the scan would reject it anyway.
     */
    private static boolean gluedLeft(Term term, int state, int[] parent, byte[] in, int[] depth) {
        int len = term.length();
        if (term.openLeft() || depth[state] <= len) {
            return false;
        }
        int before = state;
        for (int k = len; k > 0; k--) {
            before = parent[before];
        }
        // before is now the state at depth (depth[state] - len); its incoming symbol precedes the match.
        return Folding.alwaysWordChar(in[before]);
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
     * The terms that may match where the scan reached {@code state}, in suffix-chain order (longest
     * first), or null; terms glued to a letter or digit before them are already left out.
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

    int maxLength() {
        return maxLength;
    }

    int stateCount() {
        return matches.length;
    }
}
