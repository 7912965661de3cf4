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

    /** next[state * A + symbol]. */
    private final int[] next;
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
        this.next = Arrays.copyOf(table, states * A);
        this.outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            List<Integer> o = out.get(s);
            outputs[s] = o == null ? null : o.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] fail = new int[states];
        this.outputLink = new int[states];
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
        this.firstOutput = new int[states];
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
    }

    int step(int state, int symbol) {
        return next[state * A + symbol];
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
