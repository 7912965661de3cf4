package dev.veil.session;

import dev.veil.EntityType;
import dev.veil.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The full names a session has protected, found again in a later text where the detectors did not find
 * them: "JAN DE VRIES" in capitals, "jan de vries" in a JSON value, a name in a context the name rules
 * read as something else. Once a session knows a full name is a person's, every whole-word occurrence of
 * it, in any case, gets that person's token or fake. Only full names (a given name or initial and a
 * family name): a short form such as "De Vries" or "Jan" alone matches too much ordinary text. A name
 * glued to more name by a hyphen or an apostrophe ("Jan de Vries-Bakker") is someone else's name and
 * is not matched.
 *
 * <p>The names sit in a trie of lower-case chars behind a table of the first two letters names begin
 * with, so a text costs one test per char and one short walk per word start that begins like a name,
 * however many names the session holds; a text seen before (by key) costs a map look-up.
 *
 * <p>Thread-safe. Its names never change: a vault publishes a new instance when its full names change,
 * which starts with nothing remembered.
 */
final class KnownNames {

    /** Detector id of the findings {@link #find} makes. */
    static final String DETECTOR = "session.known-name";

    static final KnownNames NONE = new KnownNames(List.of());

    /** One char of a name: the chars that may follow, sorted, and whether a name ends here. */
    private static final class Node {
        char[] next = new char[0];
        Node[] kids = new Node[0];
        boolean end;

        Node child(char c) {
            int k = Arrays.binarySearch(next, c);
            return k >= 0 ? kids[k] : null;
        }

        Node childOrNew(char c) {
            int k = Arrays.binarySearch(next, c);
            if (k >= 0) {
                return kids[k];
            }
            int at = -k - 1;
            char[] n = new char[next.length + 1];
            Node[] m = new Node[kids.length + 1];
            System.arraycopy(next, 0, n, 0, at);
            System.arraycopy(kids, 0, m, 0, at);
            n[at] = c;
            m[at] = new Node();
            System.arraycopy(next, at, n, at + 1, next.length - at);
            System.arraycopy(kids, at, m, at + 1, kids.length - at);
            next = n;
            kids = m;
            return m[at];
        }
    }

    /** How many texts {@link #seen} holds at most before it starts over. */
    static final int MAX_REMEMBERED = 1024;

    private final Node root = new Node();
    /**
     * What {@link #find} found per text key: a chat re-sends its history every turn, and a gateway
     * hands every message to the session again, so without this each turn costs a pass over the whole
     * history. Per instance, so a name the session learns (a new instance) is looked for in old text
     * too. Offsets and types only, never text.
     */
    private final Map<Object, Search> seen = new ConcurrentHashMap<>();

    /**
     * One search's findings and where the findings lay that it had to leave alone: the same text can
     * come with other findings (a detector the policy tolerates failing, or over its time budget, found
     * nothing), and a known name must never overlap one, nor be missed where none is now.
     */
    private record Search(Spans taken, List<Finding> found) {
    }
    /** Which first two letters (a-z or other, each) begin a name: most word starts stop here. */
    private final boolean[] starts = new boolean[27 * 27];
    private final int size;

    /** @param fullNames lower case, single-spaced full names */
    private KnownNames(Iterable<String> fullNames) {
        int count = 0;
        for (String name : fullNames) {
            Node node = root;
            for (int k = 0; k < name.length(); k++) {
                node = node.childOrNew(name.charAt(k));
            }
            node.end = true;
            starts[pair(name.charAt(0), name.charAt(1))] = true;
            count++;
        }
        this.size = count;
    }

    /** @param fullNames lower case, single-spaced full names */
    static KnownNames of(Iterable<String> fullNames) {
        KnownNames names = new KnownNames(fullNames);
        return names.size == 0 ? NONE : names;
    }

    int size() {
        return size;
    }

    /**
     * A PERSON finding for every whole-word occurrence of a known name in {@code text}, in any case, that
     * overlaps none of {@code taken} (sorted by start); sorted, not overlapping each other.
     */
    List<Finding> find(CharSequence text, List<Finding> taken) {
        return find(text, taken, null);
    }

    /**
     * {@link #find(CharSequence, List)}, remembered under {@code key} (see {@code Sessions.Issuer#issue}):
     * a text with the same key and the same {@code taken} gets the same findings without a pass over it.
     * Null remembers nothing.
     */
    List<Finding> find(CharSequence text, List<Finding> taken, Object key) {
        if (size == 0) {
            return List.of();
        }
        if (key == null) {
            return search(text, taken);
        }
        Spans spans = Spans.of(taken);
        Search before = seen.get(key);
        if (before != null && before.taken().equals(spans)) {
            return before.found();
        }
        List<Finding> found = List.copyOf(search(text, taken));
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear(); // a crude bound: past it a session pays a pass per text again, no more
        }
        seen.put(key, new Search(spans, found));
        return found;
    }

    /** How many texts {@link #find} remembers. */
    int remembered() {
        return seen.size();
    }

    private List<Finding> search(CharSequence text, List<Finding> taken) {
        String str = text.toString();
        int n = str.length();
        char[] t = new char[n];
        str.getChars(0, n, t, 0); // a gateway sends every message of a chat through here each turn
        List<Finding> found = new ArrayList<>();
        int next = 0; // the first of taken that may still overlap
        boolean inWord = false;
        for (int i = 0; i < n; i++) {
            // Most chars are inside a word or between words: one test each, ASCII without the Unicode tables.
            boolean wordChar = isLetterOrDigit(t[i]);
            boolean start = wordChar && !inWord;
            inWord = wordChar;
            if (!start || !wordStart(t, i)) {
                continue;
            }
            if (i + 1 == n || !starts[pair(lower(t[i]), lower(t[i + 1]))]) {
                continue;
            }
            Node node = root.child(lower(t[i]));
            if (node == null) {
                continue;
            }
            int end = -1;
            for (int j = i + 1; ; j++) {
                if (node.end && wordEnd(t, j)) {
                    end = j; // the longest name wins: keep walking
                }
                if (j == n || (node = node.child(lower(t[j]))) == null) {
                    break;
                }
            }
            if (end < 0) {
                continue;
            }
            while (next < taken.size() && taken.get(next).end() <= i) {
                next++;
            }
            if (next == taken.size() || taken.get(next).start() >= end) {
                found.add(new Finding(i, end, EntityType.PERSON, 1.0, DETECTOR));
                i = end - 1; // the name's last char is a letter: inWord stays true
            }
        }
        return found;
    }

    /** No letter or digit before {@code i}, nor a hyphen or apostrophe glued to a letter ("Vries-Bakker"). */
    private static boolean wordStart(char[] t, int i) {
        if (i == 0) {
            return true;
        }
        char p = t[i - 1];
        return !isLetterOrDigit(p) && !(joiner(p) && i >= 2 && isLetterOrDigit(t[i - 2]));
    }

    /** No letter or digit at {@code end}, nor a hyphen or apostrophe before one. */
    private static boolean wordEnd(char[] t, int end) {
        if (end == t.length) {
            return true;
        }
        char c = t[end];
        return !isLetterOrDigit(c) && !(joiner(c) && end + 1 < t.length && isLetterOrDigit(t[end + 1]));
    }

    private static int pair(char first, char second) {
        return 27 * letter(first) + letter(second);
    }

    private static int letter(char lower) {
        return lower >= 'a' && lower <= 'z' ? lower - 'a' : 26;
    }

    private static boolean joiner(char c) {
        return c == '-' || c == '\'' || c == '\u2019';
    }

    private static char lower(char c) {
        return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9'
                : Character.isLetterOrDigit(c) || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    @Override
    public String toString() {
        return "KnownNames[" + size + "]"; // never the names
    }
}
