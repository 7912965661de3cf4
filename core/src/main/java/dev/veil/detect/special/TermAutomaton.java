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
    /** Terms ending exactly at a state, or null. */
    private final int[][] outputs;
    /** The nearest proper suffix state that has outputs, or -1. */
    private final int[] outputLink;
    /** The state itself when it has outputs, else its output link: where reading outputs starts, or -1. */
    private final int[] firstOutput;
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
                    }
                    out.add(null);
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
        this.outputs = new int[states][];
        this.outputLink = new int[states];
        this.firstOutput = new int[states];
        for (int u = 0; u < states; u++) {
            int nu = id[u];
            for (int sym = 0; sym < A; sym++) {
                int v = next[u * A + sym];
                delta[nu * A + sym] = id[v] * A | (firstOutput[v] >= 0 ? HAS_OUTPUT : 0);
            }
            this.outputs[nu] = outputs[u];
            this.outputLink[nu] = outputLink[u] < 0 ? -1 : id[outputLink[u]];
            this.firstOutput[nu] = firstOutput[u] < 0 ? -1 : id[firstOutput[u]];
        }
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

    /** Terms ending at {@code state}, or null. */
    int[] outputs(int state) {
        return outputs[state];
    }

    /** Next state along the suffix chain that has outputs, or -1. */
    int outputLink(int state) {
        return outputLink[state];
    }

    /** The first state whose outputs apply at {@code state}, or -1 when none: one look-up per char. */
    int firstOutput(int state) {
        return firstOutput[state];
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
        return outputs.length;
    }
}
