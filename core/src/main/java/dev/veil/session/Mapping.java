package dev.veil.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of what one session can restore: its issued tokens and surrogates, and the
 * restore scan over a reply. A session publishes a new snapshot when it issues something new, so
 * restoring takes no lock and a stream restorer works on one consistent view.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints counts only.
 */
final class Mapping {

    static final Mapping EMPTY = new Mapping(Map.of(), Map.of());
    private static final int NONE = -2;

    /** Every token a vault issued; each snapshot sees the first {@link #visible} of them. */
    private final IssuedTokens issued;
    private final int visible;
    private final TypeSet types;
    private final Map<String, String> surrogates;
    /** Surrogates by first char, longest first, so the longest one wins where several start alike. */
    private final Map<Character, String[]> surrogatesByFirst;
    private final int longestSurrogate;
    /** The vault's count of changes to its surrogates when {@link #surrogates} was built. */
    private final long surrogateChanges;

    /**
     * @param tokens     normalised token core ({@code PERSON_1}) to original value
     * @param surrogates surrogate value to original value; only those still safe to restore
     */
    Mapping(Map<String, String> tokens, Map<String, String> surrogates) {
        this(IssuedTokens.of(tokens), null, surrogates, 0);
    }

    private Mapping(IssuedTokens issued, Mapping previous, Map<String, String> surrogates, long surrogateChanges) {
        this.issued = issued;
        this.visible = issued.size();
        this.types = previous != null && previous.issued == issued
                ? issued.typesAfter(previous.visible, previous.types)
                : issued.typesAfter(0, TypeSet.EMPTY);
        this.surrogateChanges = surrogateChanges;
        if (surrogates == null) {
            this.surrogates = previous.surrogates;
            this.surrogatesByFirst = previous.surrogatesByFirst;
            this.longestSurrogate = previous.longestSurrogate;
            return;
        }
        this.surrogates = Map.copyOf(surrogates);
        Map<Character, List<String>> groups = new HashMap<>();
        int longest = 0;
        for (String s : surrogates.keySet()) {
            groups.computeIfAbsent(s.charAt(0), k -> new ArrayList<>()).add(s);
            longest = Math.max(longest, s.length());
        }
        Map<Character, String[]> byFirst = new HashMap<>();
        groups.forEach((c, list) -> {
            list.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            byFirst.put(c, list.toArray(new String[0]));
        });
        this.surrogatesByFirst = Map.copyOf(byFirst);
        this.longestSurrogate = longest;
    }

    /**
     * The vault's next snapshot: {@code previous} plus the tokens issued since, read from the log both
     * share, and the surrogates, which are built again only when the vault's changed. A session that
     * issues a token per turn pays for that token, not for all it issued before (copying every token
     * per turn made a batch run that fills a session quadratic: about 1 ms per record at 6,000 values).
     *
     * @param surrogates       the vault's surrogate to value map
     * @param unsafe           the surrogates no longer restored
     * @param surrogateChanges how many times the vault changed either; a new count rebuilds them
     */
    static Mapping next(Mapping previous, IssuedTokens issued, Map<String, String> surrogates, Set<String> unsafe,
            long surrogateChanges) {
        if (previous.issued == issued && previous.surrogateChanges == surrogateChanges) {
            return new Mapping(issued, previous, null, surrogateChanges);
        }
        Map<String, String> safe = new HashMap<>(surrogates);
        safe.keySet().removeAll(unsafe);
        return new Mapping(issued, previous, safe, surrogateChanges);
    }

    /**
     * The tokens one vault issued, in order, only ever added to: shared by all its snapshots, each of
     * which sees those issued before it was made. Added to under the vault's lock; read without one.
     */
    static final class IssuedTokens {
        private final ConcurrentHashMap<String, Token> byCore = new ConcurrentHashMap<>();
        /** The type of each token, in the order issued; written under the vault's lock only. */
        private final List<String> typeNames = new ArrayList<>();

        private record Token(String value, int index) {
            @Override
            public String toString() {
                return "Token[index=" + index + "]"; // never the value
            }
        }

        static IssuedTokens of(Map<String, String> tokens) {
            IssuedTokens all = new IssuedTokens();
            tokens.forEach(all::add);
            return all;
        }

        /**
         * Adds a token; one already issued keeps its place (a keyed token comes again for its value).
         *
         * @throws IllegalStateException if the token was issued for another value: restore and the
         *                               vault's state would disagree
         */
        void add(String core, String value) {
            Token before = byCore.putIfAbsent(core, new Token(value, typeNames.size()));
            if (before == null) {
                typeNames.add(core.substring(0, core.lastIndexOf('_')));
            } else if (!before.value().equals(value)) {
                throw new IllegalStateException("a token was issued again for another value");
            }
        }

        /** Forgets every token, for snapshots still held too (a closed session keeps no values). */
        void clear() {
            byCore.clear();
        }

        int size() {
            return typeNames.size();
        }

        /** {@code types} and the types of the tokens issued from index {@code from} on. */
        TypeSet typesAfter(int from, TypeSet types) {
            Set<String> added = null;
            for (int k = from; k < typeNames.size(); k++) {
                String type = typeNames.get(k);
                if (!types.contains(type)) {
                    if (added == null) {
                        added = new HashSet<>();
                    }
                    added.add(type);
                }
            }
            return added == null ? types : types.union(TypeSet.of(added));
        }
    }

    /** The value of the issued token with this core, if this snapshot holds it. */
    private String valueOf(String core) {
        IssuedTokens.Token t = issued.byCore.get(core);
        return t != null && t.index() < visible ? t.value() : null;
    }

    boolean isEmpty() {
        return visible == 0 && surrogates.isEmpty();
    }

    /** The types this mapping has issued tokens for. */
    TypeSet types() {
        return types;
    }

    /** The most chars a stream restorer may hold back with this mapping. */
    int maxHoldBack() {
        // The longest token, one char of look-ahead after it, and one more to keep a surrogate pair
        // together.
        int token = types.isEmpty() ? 0 : longestToken() + 1;
        return Math.max(token, longestSurrogate + 1) + 1;
    }

    /**
     * Restores {@code s} from {@code from} on into {@code out}, as far as it can decide.
     *
     * @param atEnd whether {@code s} is complete; if not, the scan stops where a token or surrogate
     *              might still be forming
     * @return the index of the first char not yet decided ({@code s.length()} when {@code atEnd})
     */
    int restore(CharSequence s, int from, boolean atEnd, StringBuilder out, StringBuilder scratch) {
        int n = s.length();
        int run = from;
        int i = from;
        boolean anyTokens = !types.isEmpty();
        boolean anySurrogates = !surrogatesByFirst.isEmpty();
        while (i < n) {
            char c = s.charAt(i);
            int len = TokenScanner.NO_MATCH;
            String value = null;
            if (anyTokens && TokenScanner.mayStart(c) && (!TokenScanner.isAsciiLetter(c)
                    || (types.mayStartWith(c) && TokenScanner.wordStart(s, i)))) {
                len = TokenScanner.match(s, i, atEnd, types, scratch);
                if (len == TokenScanner.NEED_MORE) {
                    break;
                }
                if (len > 0) {
                    value = valueOf(scratch.toString());
                    if (value == null) {
                        len = TokenScanner.NO_MATCH;
                    }
                }
            }
            if (len <= 0 && anySurrogates) {
                String[] candidates = surrogatesByFirst.get(c);
                if (candidates != null && (i == 0 || !glued(c, s.charAt(i - 1)))) {
                    int k = matchSurrogate(s, i, atEnd, candidates);
                    if (k == TokenScanner.NEED_MORE) {
                        break;
                    }
                    if (k >= 0) {
                        value = surrogates.get(candidates[k]);
                        len = candidates[k].length();
                    }
                }
            }
            if (len > 0) {
                out.append(s, run, i).append(value);
                i += len;
                run = i;
            } else {
                i++;
            }
        }
        out.append(s, run, i);
        return i;
    }

    /**
     * Adds a finding for every issued token (in any tolerated form) in the text with these chars: a user
     * typing an issued token is a look-alike that must not restore to the session's data.
     */
    void lookAlikes(char[] text, List<dev.veil.Finding> into) {
        lookAlikesAt(text, tokenNumbers(text), into);
    }

    /**
     * Where {@link #lookAlikes} must look in the text with these chars: the start of every number that
     * could end a token of this mapping's {@link #types()}, ascending. Depends on the text and the types
     * alone, not on which tokens are issued, so it holds for a later mapping with the same types.
     */
    int[] tokenNumbers(char[] text) {
        // The array is scanned for digits directly: a gateway re-sends every message of a chat each turn,
        // and a vault keeps this pass's result per text it has seen (see Vault#typedTokens).
        int[] numbers = NO_NUMBERS;
        int count = 0;
        if (types.isEmpty()) {
            return numbers;
        }
        for (int number = nextTokenNumber(text, 0); number < text.length; number = nextTokenNumber(text, number + 1)) {
            if (count == numbers.length) {
                numbers = java.util.Arrays.copyOf(numbers, Math.max(8, 2 * count));
            }
            numbers[count++] = number;
        }
        return count == numbers.length ? numbers : java.util.Arrays.copyOf(numbers, count);
    }

    private static final int[] NO_NUMBERS = new int[0];

    /** {@link #lookAlikes}, looking only before {@code numbers} (from {@link #tokenNumbers} for these chars). */
    void lookAlikesAt(char[] text, int[] numbers, List<dev.veil.Finding> into) {
        if (types.isEmpty() || numbers.length == 0) {
            return;
        }
        // Only the few places that may hold a token are matched through the CharSequence view. Every
        // token ends in a number right after the last segment of its type and a separator ("PERSON_1",
        // "bsn-2"), within its longest form: only the chars before such numbers are tried.
        CharSequence view = java.nio.CharBuffer.wrap(text);
        StringBuilder core = new StringBuilder(32);
        int window = longestToken();
        int i = 0;
        for (int number : numbers) {
            i = Math.max(i, number - window + 1);
            while (i < number) {
                int len = TokenScanner.mayStart(text[i]) ? TokenScanner.match(view, i, true, types, core)
                        : TokenScanner.NO_MATCH;
                if (len > 0 && valueOf(core.toString()) != null) {
                    String type = core.substring(0, core.lastIndexOf("_"));
                    into.add(new dev.veil.Finding(i, i + len, dev.veil.EntityType.of(type), 1.0, LOOK_ALIKE));
                    i += len;
                } else {
                    i++;
                }
            }
        }
    }

    /**
     * The start of the next number at or after {@code from} that could end a token: no leading zero,
     * after a separator ({@code _ - space \_}) after the last segment of an issued type, in any
     * case; {@code text.length} if there is none.
     */
    private int nextTokenNumber(char[] text, int from) {
        int n = text.length;
        for (int d = LookAlikes.nextDigit(text, Math.max(from, 2)); d < n; d = LookAlikes.nextDigit(text, d + 1)) {
            int w = LookAlikes.separatorBefore(text, d);
            if (w > 0 && types.endsWithLastSegment(text, w)) {
                return d;
            }
        }
        return n;
    }

    /** The most chars a token of this mapping covers in any tolerated form. */
    private int longestToken() {
        // Two openers and closers of at most 4 chars, a core whose separators may be escaped (\\_).
        return 4 * 4 + 2 * (types.longest() + 1 + TokenScanner.MAX_DIGITS);
    }

    /** Detector id of the findings {@link #lookAlikes} makes. */
    static final String LOOK_ALIKE = "session.look-alike";

    /** Index of the longest candidate standing as a whole word at {@code i}, NONE, or NEED_MORE. */
    private static int matchSurrogate(CharSequence s, int i, boolean atEnd, String[] candidates) {
        int n = s.length();
        for (int k = 0; k < candidates.length; k++) {
            String cand = candidates[k];
            int j = 0;
            while (j < cand.length() && i + j < n && s.charAt(i + j) == cand.charAt(j)) {
                j++;
            }
            if (j < cand.length()) {
                if (i + j >= n && !atEnd) {
                    return TokenScanner.NEED_MORE;
                }
                continue;
            }
            int after = i + j;
            if (after >= n) {
                if (!atEnd) {
                    return TokenScanner.NEED_MORE;
                }
                return k;
            }
            if (!glued(cand.charAt(cand.length() - 1), s.charAt(after))) {
                return k;
            }
        }
        return NONE;
    }

    /**
     * Whether a surrogate ending in {@code edge} would run on into {@code neighbour}: a name into
     * more letters ("Bas" in "Bastiaan"), a number into more digits. Anything else may stand next to
     * it, so a value a detector found glued to punctuation or an underscore restores as well.
     */
    private static boolean glued(char edge, char neighbour) {
        if (Character.isDigit(edge)) {
            return Character.isDigit(neighbour);
        }
        return Character.isLetter(edge) && Character.isLetterOrDigit(neighbour);
    }

    @Override
    public String toString() {
        return "Mapping[tokens=" + visible + ", surrogates=" + surrogates.size() + "]";
    }
}
