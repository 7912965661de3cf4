package dev.veil.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * libphonenumber's validity rules for a few country calling codes, with the patterns compiled once.
 *
 * <p>{@code PhoneNumberUtil.isValidNumber} looks the region metadata up by building a file name,
 * fetches each pattern through a synchronized regex cache, and for +1 walks 25 regions: a few
 * microseconds and a few kilobytes per candidate. The rules are the same here — a number is valid for
 * a region when its national significant number has a possible length and matches the region's
 * general pattern and one of its type patterns; a number is valid when the first region of its
 * calling code that claims it (by leading digits, or by validity) finds it valid — evaluated against
 * patterns compiled when the detector is built. {@code PhoneValidityTest} checks them against
 * libphonenumber.
 *
 * <p>Internal. Thread-safe; immutable but for a table of shortest lengths it fills as calling codes
 * come up.
 */
final class PhoneRules {

    private final Map<Integer, List<Region>> byCallingCode = new HashMap<>();
    private final Map<String, Region> byRegion = new HashMap<>();
    private final PhoneNumberUtil util;
    private final MetadataSource source;
    private final Set<Integer> supportedCallingCodes;
    /**
     * Per calling code, 1 + the shortest national number any of its regions allows; 0 until first
     * asked. Filled lazily because loading every region's metadata up front costs 150 ms; threads that
     * race write the same value, and an int is written whole.
     */
    private final int[] shortestNational = new int[1000];

    PhoneRules(PhoneNumberUtil util, int... callingCodes) {
        this.util = util;
        this.source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        this.supportedCallingCodes = util.getSupportedCallingCodes();
        for (int cc : callingCodes) {
            List<Region> regions = new ArrayList<>();
            for (String code : util.getRegionCodesForCountryCode(cc)) {
                Region region = new Region(source.getMetadataForRegion(code));
                regions.add(region);
                byRegion.put(code, region);
            }
            byCallingCode.put(cc, List.copyOf(regions));
        }
    }

    /**
     * Whether the international number {@code +digits[0, count)} is too short to be valid anywhere:
     * {@code parse} takes its calling code as the shortest prefix that is one and can only shorten the
     * rest (it strips a national prefix) or lengthen it by a transform rule's literal digits, and a
     * valid number has a length its region allows.
     * Lets the parse of a nonsense number such as {@code +55 5813} (from {@code BE08 0585 0055 5813})
     * be skipped. False when unsure.
     */
    boolean tooShortForCallingCode(char[] digits, int count) {
        if (count == 0 || digits[0] == '0') {
            return false;
        }
        int cc = 0;
        for (int i = 0; i < 3 && i < count; i++) {
            cc = cc * 10 + digits[i] - '0';
            if (supportedCallingCodes.contains(cc)) {
                return count - (i + 1) < shortestNational(cc);
            }
        }
        return false;
    }

    private int shortestNational(int cc) {
        int known = shortestNational[cc];
        if (known == 0) {
            int shortest = Integer.MAX_VALUE;
            for (String region : util.getRegionCodesForCountryCode(cc)) {
                PhoneMetadata m = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                        ? source.getMetadataForNonGeographicalRegion(cc) : source.getMetadataForRegion(region);
                List<Integer> lengths = m == null ? List.of() : m.getGeneralDesc().getPossibleLengthList();
                int added = m == null || !m.hasNationalPrefixTransformRule() ? 0 : addedByTransform(m);
                if (lengths.isEmpty() || added < 0) {
                    shortest = 0;
                }
                for (int l : lengths) {
                    shortest = Math.max(0, Math.min(shortest, l - Math.max(0, added)));
                }
            }
            known = 1 + (shortest == Integer.MAX_VALUE ? 0 : shortest);
            shortestNational[cc] = known;
        }
        return known - 1;
    }

    /**
     * How many digits a national prefix transform rule can add: its literal chars, when it refers to
     * one group once ({@code 3$1} turns Norfolk Island's {@code 86659} into {@code 386659}); -1 when
     * it is any other shape.
     */
    private static int addedByTransform(PhoneMetadata m) {
        String rule = m.getNationalPrefixTransformRule();
        int dollar = rule.indexOf('$');
        if (dollar < 0 || dollar != rule.lastIndexOf('$') || dollar + 1 >= rule.length()
                || !Chars.isDigit(rule.charAt(dollar + 1))
                || (dollar + 2 < rule.length() && Chars.isDigit(rule.charAt(dollar + 2)))) {
            return -1;
        }
        return rule.length() - 2;
    }

    /** Whether rules for this calling code were loaded. */
    boolean covers(int callingCode) {
        return byCallingCode.containsKey(callingCode);
    }

    /**
     * As {@code isValidNumberForRegion}: the national number {@code digits[from, from + length)} is
     * valid in {@code region}, which must be covered.
     */
    boolean validForRegion(char[] digits, int from, int length, String region) {
        return byRegion.get(region).valid(digits, from, length);
    }

    /**
     * As {@code isValidNumber}: the national number {@code digits[from, from + length)} is valid in the
     * region of {@code callingCode} that claims it.
     */
    boolean valid(int callingCode, char[] digits, int from, int length) {
        List<Region> regions = byCallingCode.get(callingCode);
        if (regions.size() == 1) {
            return regions.get(0).valid(digits, from, length);
        }
        for (Region region : regions) {
            if (region.leadingDigits != null) {
                if (region.leadingDigits.lookingAt(digits, from, length)) {
                    return region.valid(digits, from, length);
                }
            } else if (region.valid(digits, from, length)) {
                return true;
            }
        }
        return false;
    }

    /** One region's general description and number types, compiled. */
    private static final class Region {
        final LeadingDigits leadingDigits;
        final Desc general;
        final Desc[] types;

        Region(PhoneMetadata m) {
            leadingDigits = m.hasLeadingDigits() ? new LeadingDigits(m.getLeadingDigits()) : null;
            general = new Desc(m.getGeneralDesc());
            List<Desc> t = new ArrayList<>();
            // Validity asks whether any type matches, so the order is free: the types people write most
            // come first and most candidates need one or two patterns instead of ten.
            for (PhoneNumberDesc d : List.of(m.getMobile(), m.getFixedLine(), m.getTollFree(), m.getPremiumRate(),
                    m.getSharedCost(), m.getVoip(), m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail())) {
                if (d.hasNationalNumberPattern() && !d.getNationalNumberPattern().isEmpty()) {
                    t.add(new Desc(d));
                }
            }
            types = t.toArray(new Desc[0]);
        }

        boolean valid(char[] digits, int from, int length) {
            if (!general.matches(digits, from, length)) {
                return false;
            }
            for (Desc d : types) {
                if (d.matches(digits, from, length)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A region's leading digits, which claim a number of a shared calling code for it. */
    private static final class LeadingDigits {
        final Pattern pattern;
        final Dfa dfa;

        LeadingDigits(String regex) {
            dfa = Dfa.compile(regex);
            // Only a pattern the automaton cannot take is compiled by java.util.regex, at engine start.
            pattern = dfa == null ? Pattern.compile(regex) : null;
        }

        boolean lookingAt(char[] digits, int from, int length) {
            return dfa != null ? dfa.lookingAt(digits, from, length)
                    : pattern.matcher(new String(digits, from, length)).lookingAt();
        }
    }

    /** A number description: the lengths it allows and its pattern. */
    private static final class Desc {
        final int[] lengths;
        final Pattern pattern;
        /** The pattern as a digit automaton, or null when it uses syntax {@link Dfa} does not take. */
        final Dfa dfa;

        Desc(PhoneNumberDesc d) {
            lengths = d.getPossibleLengthList().stream().mapToInt(Integer::intValue).toArray();
            String regex = d.hasNationalNumberPattern() && !d.getNationalNumberPattern().isEmpty()
                    ? d.getNationalNumberPattern() : null;
            dfa = regex == null ? null : Dfa.compile(regex);
            pattern = regex == null || dfa != null ? null : Pattern.compile(regex);
        }

        boolean matches(char[] digits, int from, int length) {
            if (lengths.length > 0) {
                boolean possible = false;
                for (int l : lengths) {
                    possible |= l == length;
                }
                if (!possible) {
                    return false;
                }
            }
            if (dfa != null) {
                return dfa.matches(digits, from, length);
            }
            return pattern != null && pattern.matcher(new String(digits, from, length)).matches();
        }
    }

    /**
     * A national number pattern compiled to a deterministic automaton over the digits 0-9.
     *
     * <p>{@code Matcher.matches} backtracks through alternations of hundreds of area codes and
     * allocates a matcher per call; the patterns are plain digit classes, groups, alternations and
     * bounded repeats, so one table step per digit gives the same answer. A pattern with any other
     * syntax is left to {@link Pattern} ({@link #compile} returns null).
     */
    static final class Dfa {
        private static final int MAX_STATES = 1 << 15;

        /** {@code next[state * 10 + digit]}: the next state, or -1 when no match can follow. */
        private final int[] next;
        private final boolean[] accepts;

        private Dfa(int[] next, boolean[] accepts) {
            this.next = next;
            this.accepts = accepts;
        }

        /** Whether the whole of {@code digits[from, from + length)}, ASCII digits, matches. */
        boolean matches(char[] digits, int from, int length) {
            int state = 0;
            for (int k = from; k < from + length; k++) {
                if ((state = next[state * 10 + digits[k] - '0']) < 0) {
                    return false;
                }
            }
            return accepts[state];
        }

        /** Whether a prefix of {@code digits[from, from + length)}, ASCII digits, matches. */
        boolean lookingAt(char[] digits, int from, int length) {
            int state = 0;
            if (accepts[0]) {
                return true;
            }
            for (int k = from; k < from + length; k++) {
                if ((state = next[state * 10 + digits[k] - '0']) < 0) {
                    return false;
                }
                if (accepts[state]) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the whole of {@code s} matches; false for any char that is not an ASCII digit. */
        boolean matches(CharSequence s) {
            int state = 0;
            for (int k = 0; k < s.length(); k++) {
                int d = s.charAt(k) - '0';
                if (d < 0 || d > 9 || (state = next[state * 10 + d]) < 0) {
                    return false;
                }
            }
            return accepts[state];
        }

        /** Whether a prefix of {@code s} matches, as {@code Matcher.lookingAt}. */
        boolean lookingAt(CharSequence s) {
            int state = 0;
            if (accepts[0]) {
                return true;
            }
            for (int k = 0; k < s.length(); k++) {
                int d = s.charAt(k) - '0';
                if (d < 0 || d > 9 || (state = next[state * 10 + d]) < 0) {
                    return false;
                }
                if (accepts[state]) {
                    return true;
                }
            }
            return false;
        }

        /** The automaton for {@code regex}, or null when it uses syntax beyond digit patterns or is too big. */
        static Dfa compile(String regex) {
            Nfa nfa = new Nfa();
            int[] frag;
            try {
                Parser p = new Parser(regex);
                Node root = p.alternation();
                if (p.pos != regex.length()) {
                    return null;
                }
                frag = root.build(nfa);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return null;
            }
            int accept = nfa.add();
            nfa.eps(frag[1], accept);
            return nfa.determinize(frag[0], accept);
        }

        /**
         * A Thompson automaton: per state a digit set with one target, and epsilon edges. Plain int
         * arrays and bit sets as {@code long[]}: a region's patterns are compiled at engine start, where
         * boxed lists and {@code BitSet} streams cost more than the subset construction itself.
         */
        private static final class Nfa {
            private int size;
            private int[][] eps = new int[64][];
            private int[] epsCount = new int[64];
            private int[] digitSet = new int[64];
            private int[] digitTarget = new int[64];

            int add() {
                if (size == digitSet.length) {
                    int cap = 2 * size;
                    eps = java.util.Arrays.copyOf(eps, cap);
                    epsCount = java.util.Arrays.copyOf(epsCount, cap);
                    digitSet = java.util.Arrays.copyOf(digitSet, cap);
                    digitTarget = java.util.Arrays.copyOf(digitTarget, cap);
                }
                digitTarget[size] = -1;
                return size++;
            }

            void eps(int from, int to) {
                int[] e = eps[from];
                int n = epsCount[from];
                if (e == null || n == e.length) {
                    e = eps[from] = e == null ? new int[2] : java.util.Arrays.copyOf(e, 2 * n);
                }
                e[n] = to;
                epsCount[from] = n + 1;
            }

            void digits(int from, int set, int to) {
                digitSet[from] = set;
                digitTarget[from] = to;
            }

            /** Adds to {@code set} every state reachable from it by epsilon edges; {@code work} is scratch. */
            void closure(long[] set, int[] work) {
                int top = 0;
                for (int w = 0; w < set.length; w++) {
                    for (long bits = set[w]; bits != 0; bits &= bits - 1) {
                        work[top++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                    }
                }
                while (top > 0) {
                    int q = work[--top];
                    int[] e = eps[q];
                    for (int k = 0, n = epsCount[q]; k < n; k++) {
                        int t = e[k];
                        if ((set[t >>> 6] & 1L << t) == 0) {
                            set[t >>> 6] |= 1L << t;
                            work[top++] = t;
                        }
                    }
                }
            }

            Dfa determinize(int start, int accept) {
                int words = (size + 63) >>> 6;
                int[] work = new int[size];
                Map<StateSet, Integer> ids = new HashMap<>();
                List<long[]> states = new ArrayList<>();
                long[] s0 = new long[words];
                s0[start >>> 6] |= 1L << start;
                closure(s0, work);
                ids.put(new StateSet(s0), 0);
                states.add(s0);
                int[] next = new int[16 * 10];
                long[][] to = new long[10][words];
                for (int i = 0; i < states.size(); i++) {
                    long[] cur = states.get(i);
                    for (long[] t : to) {
                        java.util.Arrays.fill(t, 0);
                    }
                    // Every digit's successors in one pass over the state's NFA states.
                    for (int w = 0; w < words; w++) {
                        for (long bits = cur[w]; bits != 0; bits &= bits - 1) {
                            int q = (w << 6) + Long.numberOfTrailingZeros(bits);
                            int target = digitTarget[q];
                            if (target >= 0) {
                                for (int set = digitSet[q]; set != 0; set &= set - 1) {
                                    to[Integer.numberOfTrailingZeros(set)][target >>> 6] |= 1L << target;
                                }
                            }
                        }
                    }
                    if (next.length < (i + 1) * 10) {
                        next = java.util.Arrays.copyOf(next, next.length * 2);
                    }
                    for (int d = 0; d < 10; d++) {
                        int id = -1;
                        if (!isEmpty(to[d])) {
                            long[] set = to[d].clone();
                            closure(set, work);
                            StateSet key = new StateSet(set);
                            Integer known = ids.get(key);
                            if (known == null) {
                                if (states.size() == MAX_STATES) {
                                    return null;
                                }
                                known = states.size();
                                ids.put(key, known);
                                states.add(set);
                            }
                            id = known;
                        }
                        next[i * 10 + d] = id;
                    }
                }
                boolean[] accepts = new boolean[states.size()];
                for (int i = 0; i < accepts.length; i++) {
                    accepts[i] = (states.get(i)[accept >>> 6] & 1L << accept) != 0;
                }
                return new Dfa(java.util.Arrays.copyOf(next, states.size() * 10), accepts);
            }

            private static boolean isEmpty(long[] set) {
                for (long w : set) {
                    if (w != 0) {
                        return false;
                    }
                }
                return true;
            }
        }

        /** A set of NFA states as a map key. */
        private record StateSet(long[] bits) {
            @Override
            public boolean equals(Object o) {
                return o instanceof StateSet other && java.util.Arrays.equals(bits, other.bits);
            }

            @Override
            public int hashCode() {
                return java.util.Arrays.hashCode(bits);
            }
        }

        /** A parsed pattern; {@link #build} adds a fresh copy to the automaton and returns {start, end}. */
        private interface Node {
            int[] build(Nfa nfa);
        }

        private record Digits(int set) implements Node {
            public int[] build(Nfa nfa) {
                int s = nfa.add();
                int e = nfa.add();
                nfa.digits(s, set, e);
                return new int[] {s, e};
            }
        }

        private record Seq(List<Node> items) implements Node {
            public int[] build(Nfa nfa) {
                int s = nfa.add();
                int e = s;
                for (Node n : items) {
                    int[] f = n.build(nfa);
                    nfa.eps(e, f[0]);
                    e = f[1];
                }
                return new int[] {s, e};
            }
        }

        private record Alt(List<Node> options) implements Node {
            public int[] build(Nfa nfa) {
                int s = nfa.add();
                int e = nfa.add();
                for (Node n : options) {
                    int[] f = n.build(nfa);
                    nfa.eps(s, f[0]);
                    nfa.eps(f[1], e);
                }
                return new int[] {s, e};
            }
        }

        /** {@code node{min,max}}; max -1 is unbounded. */
        private record Repeat(Node node, int min, int max) implements Node {
            public int[] build(Nfa nfa) {
                int s = nfa.add();
                int e = s;
                for (int k = 0; k < min; k++) {
                    int[] f = node.build(nfa);
                    nfa.eps(e, f[0]);
                    e = f[1];
                }
                int end = nfa.add();
                nfa.eps(e, end);
                if (max < 0) {
                    int[] f = node.build(nfa);
                    nfa.eps(e, f[0]);
                    nfa.eps(f[1], f[0]);
                    nfa.eps(f[1], end);
                } else {
                    for (int k = min; k < max; k++) {
                        int[] f = node.build(nfa);
                        nfa.eps(e, f[0]);
                        e = f[1];
                        nfa.eps(e, end);
                    }
                }
                return new int[] {s, end};
            }
        }

        /** Digits, {@code \d}, classes of digits, groups, alternation and the quantifiers {@code ? * + {n} {n,m}}. */
        private static final class Parser {
            final String re;
            int pos;

            Parser(String re) {
                this.re = re;
            }

            Node alternation() {
                List<Node> options = new ArrayList<>();
                options.add(sequence());
                while (pos < re.length() && re.charAt(pos) == '|') {
                    pos++;
                    options.add(sequence());
                }
                return options.size() == 1 ? options.get(0) : new Alt(options);
            }

            Node sequence() {
                List<Node> items = new ArrayList<>();
                while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                    items.add(quantified(atom()));
                }
                return new Seq(items);
            }

            Node atom() {
                char c = re.charAt(pos++);
                if (c >= '0' && c <= '9') {
                    return new Digits(1 << (c - '0'));
                }
                if (c == '\\' && re.charAt(pos) == 'd') {
                    pos++;
                    return new Digits(0x3ff);
                }
                if (c == '[') {
                    return charClass();
                }
                if (c == '(') {
                    if (re.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (re.charAt(pos) == '?') {
                        throw new IllegalArgumentException();
                    }
                    Node inner = alternation();
                    if (re.charAt(pos++) != ')') {
                        throw new IllegalArgumentException();
                    }
                    return inner;
                }
                throw new IllegalArgumentException();
            }

            Node charClass() {
                int set = 0;
                if (re.charAt(pos) == '^') {
                    throw new IllegalArgumentException();
                }
                while (re.charAt(pos) != ']') {
                    int lo = classDigit();
                    int hi = lo;
                    if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                        pos++;
                        hi = classDigit();
                    }
                    if (hi < lo) {
                        throw new IllegalArgumentException();
                    }
                    for (int d = lo; d <= hi; d++) {
                        set |= 1 << d;
                    }
                }
                pos++;
                return new Digits(set);
            }

            int classDigit() {
                char c = re.charAt(pos++);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException();
                }
                return c - '0';
            }

            Node quantified(Node atom) {
                if (pos >= re.length()) {
                    return atom;
                }
                char c = re.charAt(pos);
                Node q;
                if (c == '?') {
                    pos++;
                    q = new Repeat(atom, 0, 1);
                } else if (c == '*') {
                    pos++;
                    q = new Repeat(atom, 0, -1);
                } else if (c == '+') {
                    pos++;
                    q = new Repeat(atom, 1, -1);
                } else if (c == '{') {
                    int close = re.indexOf('}', pos);
                    String[] mm = re.substring(pos + 1, close).split(",", -1);
                    int min = Integer.parseInt(mm[0]);
                    int max = mm.length == 1 ? min : mm[1].isEmpty() ? -1 : Integer.parseInt(mm[1]);
                    if (mm.length > 2 || (max >= 0 && max < min)) {
                        throw new IllegalArgumentException();
                    }
                    pos = close + 1;
                    q = new Repeat(atom, min, max);
                } else {
                    return atom;
                }
                if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                    throw new IllegalArgumentException(); // lazy or possessive: leave to Pattern
                }
                return q;
            }
        }
    }
}
