package dev.veil.session;

import java.util.ArrayList;
import java.util.Collection;
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

    /** Every token a vault issued; each snapshot sees the first {@link #visible} of them. */
    private final IssuedTokens issued;
    private final int visible;
    private final TypeSet types;
    /** The surrogates still safe to restore. */
    private final SurrogateIndex surrogates;

    /**
     * @param tokens     normalised token core ({@code PERSON_1}) to original value
     * @param surrogates surrogate value to original value; only those still safe to restore
     */
    Mapping(Map<String, String> tokens, Map<String, String> surrogates) {
        this(IssuedTokens.of(tokens), null, SurrogateIndex.of(surrogates));
    }

    private Mapping(IssuedTokens issued, Mapping previous, SurrogateIndex surrogates) {
        this.issued = issued;
        this.visible = issued.size();
        this.types = previous != null && previous.issued == issued
                ? issued.typesAfter(previous.visible, previous.types)
                : issued.typesAfter(0, TypeSet.EMPTY);
        this.surrogates = surrogates;
    }

    /**
     * The vault's next snapshot: {@code previous} plus the tokens issued since, read from the log both
     * share, and the surrogates that changed since. A session that issues a value per turn pays for
     * that value, not for all it issued before (copying every token and surrogate per turn made a
     * batch run that fills a session quadratic: about 1 ms per record at 6,000 tokens, 3.5 ms at
     * 9,000 surrogates).
     *
     * @param surrogates the vault's surrogate to value map
     * @param unsafe     the surrogates no longer restored
     * @param changed    the surrogates added to either since {@code previous} was made
     */
    static Mapping next(Mapping previous, IssuedTokens issued, Map<String, String> surrogates, Set<String> unsafe,
            Collection<String> changed) {
        return new Mapping(issued, previous, previous.surrogates.with(surrogates, unsafe, changed));
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
        return visible == 0 && surrogates.size() == 0;
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
        return Math.max(token, surrogates.longest() + 1) + 1;
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
        boolean anySurrogates = surrogates.size() > 0;
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
            if (len <= 0 && anySurrogates && (i == 0 || !SurrogateIndex.glued(c, s.charAt(i - 1)))) {
                long match = surrogates.match(s, i, atEnd);
                if (match == TokenScanner.NEED_MORE) {
                    break;
                }
                if (match >= 0) {
                    value = surrogates.value(match);
                    len = surrogates.length(match);
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

    /** The surrogates this snapshot restores. */
    SurrogateIndex surrogates() {
        return surrogates;
    }

    @Override
    public String toString() {
        return "Mapping[tokens=" + visible + ", surrogates=" + surrogates.size() + "]";
    }
}
