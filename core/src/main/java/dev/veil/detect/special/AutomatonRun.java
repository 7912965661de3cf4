package dev.veil.detect.special;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Runs the {@link TermAutomaton} over one text and notes the chars the scan must look at (see
 * {@link TermAutomaton#EVENT}), in text order per part. The next state depends on the one before,
 * so one cursor waits for a table read per char; a char that folds to symbol 0 puts the automaton
 * back at its root, so the text is cut after such chars into parts whose cursors run in the same
 * loop. The loops only note: handling matches inline would bloat the code the JIT keeps hot.
 *
 * <p>Holds growable arrays that are reused from text to text. Not thread-safe.
 */
final class AutomatonRun {

    /** The number of parts a text is cut into, each with its own cursor. */
    static final int PARTS = 4;
    /** Below this length the text is not cut: the other cursors would not pay for themselves. */
    private static final int SPLIT_MIN = 64;

    private final Notes[] parts = {new Notes(), new Notes(), new Notes(), new Notes()};
    private final Notes[] byRest = new Notes[PARTS];
    /** Where the parts of the text start, and its length. */
    private final int[] cuts = new int[PARTS + 1];

    /** What part {@code p} of the last text fed noted; parts are in text order. */
    Notes part(int p) {
        return parts[p];
    }

    /** Drops arrays a very long text grew, so that a thread does not keep them. */
    void trim(int max) {
        for (Notes notes : parts) {
            notes.trim(max);
        }
    }

    /** Runs the automaton over {@code chars[0, length)}, replacing what the parts noted before. */
    void feed(TermAutomaton automaton, char[] chars, int length) {
        int[] delta = automaton.delta();
        int[] cuts = this.cuts;
        cuts[0] = 0;
        cuts[PARTS] = length;
        for (int p = 1; p < PARTS; p++) {
            int target = Math.max(cuts[p - 1], length / PARTS * p);
            cuts[p] = length < SPLIT_MIN ? length : cutNear(chars, cuts[p - 1], target, length);
        }
        Notes na = parts[0];
        Notes nb = parts[1];
        Notes nc = parts[2];
        Notes nd = parts[3];
        na.count = 0;
        nb.count = 0;
        nc.count = 0;
        nd.count = 0;
        int a = 0;
        int b = cuts[1];
        int c2 = cuts[2];
        int d = cuts[3];
        int ca = TermAutomaton.ROOT;
        int cb = TermAutomaton.ROOT;
        int cc = TermAutomaton.ROOT;
        int cd = TermAutomaton.ROOT;
        int together = Math.min(Math.min(cuts[1] - cuts[0], cuts[2] - cuts[1]),
                Math.min(cuts[3] - cuts[2], cuts[4] - cuts[3]));
        for (int k = 0; k < together; k++, a++, b++, c2++, d++) {
            int ma = delta[ca + TermAutomaton.column(chars[a])];
            int mb = delta[cb + TermAutomaton.column(chars[b])];
            int mc = delta[cc + TermAutomaton.column(chars[c2])];
            int md = delta[cd + TermAutomaton.column(chars[d])];
            if ((ma | mb | mc | md) < 0) {
                na.addIfEvent(a, ca, ma);
                nb.addIfEvent(b, cb, mb);
                nc.addIfEvent(c2, cc, mc);
                nd.addIfEvent(d, cd, md);
            }
            ca = ma & ~TermAutomaton.EVENT;
            cb = mb & ~TermAutomaton.EVENT;
            cc = mc & ~TermAutomaton.EVENT;
            cd = md & ~TermAutomaton.EVENT;
        }
        na.rest(a, cuts[1], ca);
        nb.rest(b, cuts[2], cb);
        nc.rest(c2, cuts[3], cc);
        nd.rest(d, length, cd);
        // One part is done; the two with the most left run together, then the other two.
        Notes[] byRest = this.byRest;
        System.arraycopy(parts, 0, byRest, 0, PARTS);
        Arrays.sort(byRest, Notes.MOST_LEFT_FIRST);
        feedTwo(delta, chars, byRest[0], byRest[1]);
        feedTwo(delta, chars, byRest[2], byRest[3]);
        // Deferred matches at the end of the text have no char after them to be noted on.
        int lastPart = PARTS - 1;
        while (cuts[lastPart] == length && lastPart > 0) {
            lastPart--;
        }
        Notes tail = parts[lastPart];
        if (automaton.deferred(TermAutomaton.state(tail.cursor))
                && TermAutomaton.column(chars[length - 1]) != TermAutomaton.SKIP_COLUMN) {
            tail.add(length, tail.cursor, tail.cursor);
        }
    }

    /** Runs the automaton over what is left of two parts, together as long as both have chars. */
    private static void feedTwo(int[] delta, char[] chars, Notes x, Notes y) {
        int i = x.pos;
        int j = y.pos;
        int ci = x.cursor;
        int cj = y.cursor;
        for (int n = Math.min(x.end - i, y.end - j); n > 0; n--, i++, j++) {
            int mi = delta[ci + TermAutomaton.column(chars[i])];
            int mj = delta[cj + TermAutomaton.column(chars[j])];
            if ((mi | mj) < 0) {
                x.addIfEvent(i, ci, mi);
                y.addIfEvent(j, cj, mj);
            }
            ci = mi & ~TermAutomaton.EVENT;
            cj = mj & ~TermAutomaton.EVENT;
        }
        x.cursor = feed(delta, chars, i, x.end, ci, x);
        y.cursor = feed(delta, chars, j, y.end, cj, y);
    }

    /** Runs the automaton alone over chars {@code [i, end)} from {@code cursor}; the cursor at the end. */
    private static int feed(int[] delta, char[] chars, int i, int end, int cursor, Notes notes) {
        for (; i < end; i++) {
            int moved = delta[cursor + TermAutomaton.column(chars[i])];
            notes.addIfEvent(i, cursor, moved);
            cursor = moved & ~TermAutomaton.EVENT;
        }
        return cursor;
    }

    /**
     * A cut after the char nearest to {@code target} within {@code [from, n)} that puts the automaton
     * at its root, so that the parts come out about equal: what one part has beyond the shortest is
     * read by a cursor alone. {@code n} when there is none.
     */
    private static int cutNear(char[] chars, int from, int target, int n) {
        for (int back = target - 1, ahead = target; back >= from || ahead < n; back--, ahead++) {
            if (ahead < n && resets(chars[ahead])) {
                return ahead + 1;
            }
            if (back >= from && resets(chars[back])) {
                return back + 1;
            }
        }
        return n;
    }

    private static boolean resets(char ch) {
        int col = TermAutomaton.column(ch);
        return col == 0 || col == TermAutomaton.STOP_COLUMN;
    }

    /**
     * One part of the text: where its cursor is once the parts no longer run together, and the chars
     * it noted: char {@code at}, read at cursor {@code from}, led to cursor {@code to}.
     */
    static final class Notes {
        static final Comparator<Notes> MOST_LEFT_FIRST = (x, y) -> Integer.compare(y.end - y.pos, x.end - x.pos);

        int pos;
        int end;
        int cursor;
        int[] at = new int[64];
        int[] from = new int[64];
        int[] to = new int[64];
        int count;

        void rest(int from, int to, int cursorThere) {
            pos = from;
            end = to;
            cursor = cursorThere;
        }

        /** Notes char {@code i} if the table entry {@code moved} read for it says so. */
        void addIfEvent(int i, int fromCursor, int moved) {
            if (moved < 0) {
                add(i, fromCursor, moved & ~TermAutomaton.EVENT);
            }
        }

        void add(int i, int fromCursor, int toCursor) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
                from = Arrays.copyOf(from, count * 2);
                to = Arrays.copyOf(to, count * 2);
            }
            at[count] = i;
            from[count] = fromCursor;
            to[count] = toCursor;
            count++;
        }

        /** Drops arrays a very long text grew, so that a thread does not keep them. */
        void trim(int max) {
            if (at.length > max) {
                at = new int[64];
                from = new int[64];
                to = new int[64];
            }
        }
    }
}
