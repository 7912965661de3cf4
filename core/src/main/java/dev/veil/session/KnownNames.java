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
 * <p>Thread-safe. Its names never change: a vault publishes a new instance when its full names change
 * (made from the last, see {@link #with}), which starts with nothing remembered.
 */
final class KnownNames {

    /** Detector id of the findings {@link #find} makes. */
    static final String DETECTOR = "session.known-name";

    static final KnownNames NONE = new KnownNames(Node.EMPTY, new boolean[27 * 27], 0);

    /**
     * One char of a name: the chars that may follow, sorted, and whether a name ends here. Immutable:
     * adding a name copies the nodes on its path and shares the rest, so a session that learns one more
     * name pays for that name, not for every name it knows (building the trie again per new name made a
     * batch run of thousands of people quadratic: 5 ms per record at 7,000).
     */
    private static final class Node {
        static final Node EMPTY = new Node(new char[0], new Node[0], false);

        final char[] next;
        final Node[] kids;
        final boolean end;

        Node(char[] next, Node[] kids, boolean end) {
            this.next = next;
            this.kids = kids;
            this.end = end;
        }

        Node child(char c) {
            int k = Arrays.binarySearch(next, c);
            return k >= 0 ? kids[k] : null;
        }

        /** This node with {@code kid} as its child for {@code c}, added or in place of the one there. */
        Node withChild(char c, Node kid) {
            int k = Arrays.binarySearch(next, c);
            if (k >= 0) {
                Node[] m = kids.clone();
                m[k] = kid;
                return new Node(next, m, end);
            }
            int at = -k - 1;
            char[] n = new char[next.length + 1];
            Node[] m = new Node[kids.length + 1];
            System.arraycopy(next, 0, n, 0, at);
            System.arraycopy(kids, 0, m, 0, at);
            n[at] = c;
            m[at] = kid;
            System.arraycopy(next, at, n, at + 1, next.length - at);
            System.arraycopy(kids, at, m, at + 1, kids.length - at);
            return new Node(n, m, end);
        }

        /** The trie below this node with {@code name} added: new nodes on its path, the others shared. */
        Node with(String name) {
            // Iteratively, so a name of any length cannot exhaust the stack.
            Node[] path = new Node[name.length() + 1];
            Node node = this;
            for (int k = 0; k < name.length(); k++) {
                path[k] = node;
                Node kid = node == null ? null : node.child(name.charAt(k));
                node = kid;
            }
            Node last = node == null ? EMPTY : node;
            Node built = last.end ? last : new Node(last.next, last.kids, true);
            for (int k = name.length() - 1; k >= 0; k--) {
                Node parent = path[k] == null ? EMPTY : path[k];
                built = parent.withChild(name.charAt(k), built);
            }
            return built;
        }
    }

    /** How many texts {@link #seen} holds at most before it starts over. */
    static final int MAX_REMEMBERED = 1024;

    private final Node root;
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
    private final boolean[] starts;
    private final int size;

    private KnownNames(Node root, boolean[] starts, int size) {
        this.root = root;
        this.starts = starts;
        this.size = size;
    }

    /** @param fullNames lower case, single-spaced full names */
    static KnownNames of(Iterable<String> fullNames) {
        return NONE.with(fullNames);
    }

    /**
     * These names and {@code more} (lower case, single-spaced full names this instance does not hold),
     * in a new instance that remembers no text yet: a name just learned is looked for in old text too.
     */
    KnownNames with(Iterable<String> more) {
        Node r = root;
        boolean[] s = starts.clone();
        int count = size;
        for (String name : more) {
            r = r.with(name);
            s[pair(name.charAt(0), name.charAt(1))] = true;
            count++;
        }
        return count == size ? this : new KnownNames(r, s, count);
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
