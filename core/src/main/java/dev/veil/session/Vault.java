package dev.veil.session;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.VeilException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * One session's two-way mapping between real values and the tokens or surrogates that replace them.
 *
 * <p>Issuing happens under the vault's lock, once per protect call; every change publishes a new
 * immutable {@link Mapping}, so restore never locks. Holds at most {@link #MAX_VALUES} values: past
 * that, protecting fails closed instead of growing without bound. Thread-safe. {@link #toString()}
 * prints counts only.
 */
final class Vault {

    static final int MAX_VALUES = 10_000;
    /** The most token look-alikes a session remembers; past that it fails closed. */
    static final int MAX_RESERVED = 50_000;
    /** How many text keys a vault remembers as having had their look-alikes reserved; then it starts over. */
    static final int MAX_COLLECTED = 1024;
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** How a person's key starts; the rest is the name as written, lower case, single spaces. */
    private static final String PERSON_KEY = "PERSON\u0000";

    /**
     * One value to replace: its type, its text as written, whether it gets a surrogate, and whether
     * it is a literal look-alike of an issued token that the user typed (it gets a token of its own
     * that restores to the literal, so it can never restore to someone's data).
     */
    record Item(EntityType type, String value, boolean surrogate, boolean literal) {
        @Override
        public String toString() {
            return "Item[" + type + (literal ? ", literal" : surrogate ? ", surrogate" : ", token") + "]";
        }
    }

    /** Everything a vault knows; replaced as a whole by import so nothing is half-imported. */
    static final class State {
        final Map<String, String> tokenByValue = new HashMap<>();
        final Map<String, String> valueByToken = new HashMap<>();
        final Map<String, String> surrogateByValue = new HashMap<>();
        final Map<String, String> valueBySurrogate = new HashMap<>();
        final Set<String> unsafeSurrogates = new HashSet<>();
        final Set<String> realValues = new HashSet<>();
        /** The cores of the full names among the person keys (not exported: rebuilt on import). */
        final Set<String> fullNames = new HashSet<>();
        /** {@link #fullNames} in the order learned. */
        final List<String> fullNameOrder = new ArrayList<>();
        final Map<String, Integer> counters = new HashMap<>();
        final Set<String> reserved = new HashSet<>();
        /**
         * Keys of the texts whose look-alikes are in {@link #reserved} (for {@link #reservedFor}): a text
         * sent again, as a chat's history is every turn, has nothing new to reserve. Not exported.
         */
        final Set<Object> collected = new HashSet<>();
        TypeSet reservedFor;
        /** Per text key, where {@link Mapping#tokenNumbers} found numbers that may end a token. Not exported. */
        final Map<Object, TokenNumbers> tokenNumbers = new HashMap<>();
        /** Every surrogate issued, in order (imported ones first, in any order). Not exported. */
        final List<String> fakeOrder = new ArrayList<>();
        /** Per text key, how many of {@link #fakeOrder} the text was read for as typed. Not exported. */
        final Map<Object, SurrogateCheck> surrogateChecks = new HashMap<>();
        /**
         * Per text key, the replacements of its items the last time every one of them was already issued
         * or got issued, for a chat's history re-sent every turn. Not exported.
         */
        final Map<Object, Replaced> replacedByText = new HashMap<>();
        /**
         * How many times an issued short form was forgotten ({@link #resolve}): the one way a value's
         * replacement changes once it has one, so {@link #replacedByText} holds only under the same count.
         */
        long forgotten;
        /** The persons, and the short forms guessed to be one of them (see {@link Persons}). */
        final Persons persons = new Persons();
        /** How many parts the next fake Dutch and English names start with (see fakeName). Not exported. */
        int dutchNameParts = 1;
        int englishNameParts = 1;
        /** Every fake given and family name handed out, so two people never share one. */
        final Set<String> fakeGivens = new HashSet<>();
        final Set<String> fakeFamilies = new HashSet<>();

        boolean isEmpty() {
            return tokenByValue.isEmpty() && surrogateByValue.isEmpty();
        }

        int size() {
            return tokenByValue.size() + surrogateByValue.size();
        }

        /** Grows whenever a token or surrogate is issued (never shrinks, unlike {@link #size()}). */
        int restorable() {
            return valueByToken.size() + valueBySurrogate.size();
        }
    }

    /** What {@link State#replacedByText} keeps for one text: its items and their replacements, in order. */
    record Replaced(List<Item> items, String[] replacements, long forgotten) {
        /** Whether {@code now} are the same items, in the same order, in a state that forgot nothing since. */
        boolean holdsFor(List<Item> now, long forgottenNow) {
            if (forgottenNow != forgotten || now.size() != items.size()) {
                return false;
            }
            for (int k = 0; k < now.size(); k++) {
                Item a = now.get(k);
                Item b = items.get(k);
                if (a.surrogate() != b.surrogate() || a.literal() != b.literal() || !a.type().equals(b.type())
                        || !a.value().equals(b.value())) {
                    return false;
                }
            }
            return true;
        }
    }

    private final KeyedTokens keyed;
    /** Null: a number after any word is reserved. */
    private final TypeSet lookAlikeWords;
    /** The words a number after which is reserved: those and the types of the mapping; null for any word. */
    private TypeSet reserveAfter;
    private final RandomGenerator random = new SplittableRandom(SEEDS.nextLong());
    private State state = new State();
    private volatile Mapping mapping = Mapping.EMPTY;
    /** The tokens of {@link #state} in the order issued, shared by the mappings published from it. */
    private Mapping.IssuedTokens issuedTokens = new Mapping.IssuedTokens();
    /** The surrogates added to the state's surrogates or unsafe surrogates since the mapping was published. */
    private final List<String> changedSurrogates = new ArrayList<>();
    /** The full names of persons this vault holds, published with the mapping. */
    private volatile KnownNames knownNames = KnownNames.NONE;
    /** Volatile, not locked: a stream restorer reads it for every chunk. */
    private volatile boolean closed;
    /** Whether a text was protected: its look-alikes were reserved against this state, not an imported one. */
    private boolean used;

    /**
     * @param tokenKey       key for deterministic keyed tokens, or null for per-session numbering
     * @param lookAlikeWords the types a number after whose last segment is reserved as a typed token, or
     *                       null to reserve a number after any word
     */
    Vault(byte[] tokenKey, TypeSet lookAlikeWords) {
        this.keyed = tokenKey == null ? null : new KeyedTokens(tokenKey);
        this.lookAlikeWords = lookAlikeWords;
        this.reserveAfter = lookAlikeWords;
    }

    /** @param tokenKey key for deterministic keyed tokens, or null for per-session numbering */
    Vault(byte[] tokenKey) {
        this(tokenKey, null);
    }

    Mapping mapping() {
        return mapping;
    }

    /**
     * How many texts each of the state's per-text memories holds: their replacements ({@link
     * State#replacedByText}), where they may hold typed tokens ({@link State#tokenNumbers}), how far
     * they were searched for surrogates ({@link State#surrogateChecks}) and whose look-alikes were
     * reserved ({@link State#collected}). Each holds at most {@link #MAX_COLLECTED}.
     */
    record Remembered(int replacements, int tokenPlaces, int surrogateChecks, int lookAlikes) {
    }

    synchronized Remembered remembered() {
        State s = state;
        return new Remembered(s.replacedByText.size(), s.tokenNumbers.size(), s.surrogateChecks.size(), s.collected.size());
    }

    synchronized int size() {
        return state.size();
    }

    /** Drops every value for good: later calls fail, restore finds nothing. */
    synchronized void close() {
        closed = true;
        state = new State();
        mapping = Mapping.EMPTY;
        changedSurrogates.clear();
        // Snapshots a stream restorer still holds share the log: emptied, it holds no value either.
        issuedTokens.clear();
        issuedTokens = new Mapping.IssuedTokens();
        knownNames = KnownNames.NONE;
    }

    boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this session has ended or expired; get a new one from Veil.session(id)");
        }
    }

    /** What one turn issued: the issued tokens the user typed, and a replacement per item then per look-alike. */
    record Issued(List<Finding> lookAlikes, String[] replacements) {
    }

    /**
     * Returns the replacement for each item, issuing tokens and surrogates as needed, and finds the
     * issued tokens the user typed outside {@code rewritten}, each replaced by a token of its own that
     * restores to what he typed. Both happen under the lock, so a token another turn issues meanwhile
     * is either found here as typed or never issued for a number typed here.
     *
     * @param text      the whole text being protected: look-alikes in it are reserved, and no
     *                  surrogate may occur in it
     * @param key       the engine's key for the text (see {@code Sessions.Issuer#issue}), or null:
     *                  a text whose look-alikes were reserved under this key is not read for them again
     * @param rewritten every finding the text is rewritten for, sorted, not overlapping
     * @param items     the value of each finding that needs this session, in any order
     * @throws VeilException when the vault is full or a keyed token clashes
     */
    synchronized Issued protect(CharSequence text, Object key, List<Finding> rewritten, List<Item> items) {
        checkOpen();
        State s = state;
        used = true;
        // The text's chars only where a pass must read them: a text sent again, as a chat's history is
        // every turn, usually needs none.
        char[][] chars = new char[1][];
        List<Finding> typed = typedTokens(s, text, chars, key, rewritten);
        if (!(s.reservedFor == reserveAfter || s.reservedFor != null && s.reservedFor.sameNames(reserveAfter))) {
            s.collected.clear(); // other words reserve other numbers
            s.reservedFor = reserveAfter;
        }
        boolean seen = key != null && s.collected.contains(key);
        if (!seen) {
            LookAlikes.collect(charsOf(text, chars), reserveAfter, s.reserved);
        }
        if (s.reserved.size() > MAX_RESERVED) {
            throw new VeilException("this session has seen more than " + MAX_RESERVED
                    + " token look-alikes; start a new session");
        }
        if (!seen && key != null) {
            if (s.collected.size() >= MAX_COLLECTED) {
                s.collected.clear();
            }
            s.collected.add(key);
        }
        List<Item> all = items;
        if (!typed.isEmpty()) {
            all = new ArrayList<>(items);
            for (Finding f : typed) {
                all.add(new Item(f.type(), f.valueIn(text), false, true));
            }
        }
        int restorable = s.restorable();
        markUnsafeSurrogates(s, text, key, rewritten);
        try {
            return new Issued(typed, replacements(s, key, items, all, new TextIndex(text)));
        } finally {
            // Also when a refusal (a full vault, a keyed number the user typed) stops the turn midway:
            // what was issued before it stays in the state, and unpublished it would neither restore
            // nor be recognised when the user types it, until a later turn published it for his echo.
            if (!changedSurrogates.isEmpty() || s.restorable() != restorable) {
                publish();
            }
        }
    }

    /**
     * {@link #replacements(State, List, TextIndex)} of {@code all}, which is {@code items} and then the
     * literal look-alikes the user typed. For a text sent again under {@code key} with the same items,
     * those are taken from the last time: a value's replacement, once it has one, only changes when a
     * short form is forgotten, and a literal's never depends on the other items.
     */
    private String[] replacements(State s, Object key, List<Item> items, List<Item> all, TextIndex index) {
        Replaced before = key == null ? null : s.replacedByText.get(key);
        if (before != null && before.holdsFor(items, s.forgotten)) {
            String[] out = Arrays.copyOf(before.replacements(), all.size());
            if (all.size() > items.size()) {
                String[] literals = replacements(s, all.subList(items.size(), all.size()), index);
                System.arraycopy(literals, 0, out, items.size(), literals.length);
            }
            return out;
        }
        long forgotten = s.forgotten;
        String[] out = replacements(s, all, index);
        // A call that forgot a short form may have written earlier items before it forgot their values:
        // such an entry would never be used (its count is already old), so it is not stored.
        if (key != null && s.forgotten == forgotten) {
            if (s.replacedByText.size() >= MAX_COLLECTED) {
                s.replacedByText.clear();
            }
            s.replacedByText.put(key, new Replaced(List.copyOf(items), Arrays.copyOf(out, items.size()), forgotten));
        }
        return out;
    }

    private String[] replacements(State s, List<Item> all, TextIndex index) {
        String[] out = new String[all.size()];
        // Full names first, so "De Vries ... Jan de Vries" in one text still links the short form.
        boolean[] fullName = new boolean[all.size()];
        PersonName[] names = new PersonName[all.size()];
        for (int k = 0; k < all.size(); k++) {
            Item item = all.get(k);
            if (item.type().equals(EntityType.PERSON) && !item.literal()) {
                names[k] = PersonName.parse(item.value());
                fullName[k] = names[k].full();
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < all.size(); k++) {
                Item item = all.get(k);
                boolean person = item.type().equals(EntityType.PERSON) && !item.literal();
                if ((pass == 0) != fullName[k]) {
                    continue;
                }
                out[k] = person ? person(s, item, names[k], index) : plain(s, item, index);
            }
        }
        return out;
    }

    /** {@code chars[0]}, the chars of {@code text}, made on first use. */
    private static char[] charsOf(CharSequence text, char[][] chars) {
        if (chars[0] == null) {
            chars[0] = text.toString().toCharArray();
        }
        return chars[0];
    }

    /** Where a text's numbers that may end a token are, for a mapping's types and the findings it is rewritten for. */
    record TokenNumbers(TypeSet types, Spans rewritten, int[] numbers) {
    }

    /**
     * The issued tokens in {@code text} outside {@code rewritten}: the published mapping is current under
     * the lock. Where they may be depends on the text, its findings and the mapping's types, not on the
     * tokens issued, so for a text seen before under {@code key} the pass that finds those places is
     * skipped while the types and findings are the same; the tokens are matched there every time.
     */
    private List<Finding> typedTokens(State s, CharSequence text, char[][] chars, Object key, List<Finding> rewritten) {
        List<Finding> found = new ArrayList<>();
        if (mapping.isEmpty()) {
            return found;
        }
        Spans spans = key == null ? null : Spans.of(rewritten);
        TokenNumbers known = key == null ? null : s.tokenNumbers.get(key);
        if (known != null && (!known.types().sameNames(mapping.types()) || !known.rewritten().equals(spans))) {
            known = null;
        }
        if (known != null && known.numbers().length == 0) {
            return found;
        }
        // Looked for as the text will be sent, next to "[...]": in "66_PERSON 1" the underscore glues
        // the look-alike to the IBAN ending in 66, but once the IBAN is "[IBAN_1]" restore reads it.
        char[] sent = charsOf(text, chars);
        if (!rewritten.isEmpty()) {
            sent = sent.clone();
            for (Finding f : rewritten) {
                sent[f.start()] = '[';
                sent[f.end() - 1] = ']';
            }
        }
        int[] numbers = known != null ? known.numbers() : mapping.tokenNumbers(sent);
        if (known == null && key != null) {
            if (s.tokenNumbers.size() >= MAX_COLLECTED) {
                s.tokenNumbers.clear();
            }
            s.tokenNumbers.put(key, new TokenNumbers(mapping.types(), spans, numbers));
        }
        mapping.lookAlikesAt(sent, numbers, found);
        if (rewritten.isEmpty()) {
            return found;
        }
        List<Finding> outside = new ArrayList<>(found.size());
        for (Finding f : found) {
            if (!overlapsAny(rewritten, f)) {
                outside.add(f);
            }
        }
        return outside;
    }

    private String plain(State s, Item item, TextIndex text) {
        String typeName = item.type().name();
        String key = item.literal() ? "\u0001" + item.value() : typeName + '\u0000' + canonical(item.type(), item.value());
        if (!item.surrogate() || item.literal() || !Surrogates.canFake(item.type(), item.value())) {
            String token = s.tokenByValue.get(key);
            if (token == null) {
                checkRoom(s);
                token = issueToken(s, typeName, key, item.value());
                s.tokenByValue.put(key, token);
                s.realValues.add(item.value().toLowerCase(Locale.ROOT));
            }
            return "[" + token + "]";
        }
        String fake = s.surrogateByValue.get(key);
        if (fake == null) {
            checkRoom(s);
            RandomGenerator r = keyed == null ? random : new SplittableRandom(keyed.seed(typeName, key));
            s.realValues.add(item.value().toLowerCase(Locale.ROOT));
            fake = distinctFake(s, text, item.value(), () -> Surrogates.fake(item.type(), item.value(), r));
            s.surrogateByValue.put(key, fake);
            issueSurrogate(s, fake, item.value());
        }
        return fake;
    }

    private void issueSurrogate(State s, String fake, String value) {
        if (s.valueBySurrogate.put(fake, value) == null) {
            s.fakeOrder.add(fake);
        }
        changedSurrogates.add(fake);
    }

    /** {@code s} with each run of whitespace as one space; {@code s} itself when it has none to change. */
    private static String singleSpaced(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean changes = c == ' ' ? i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))
                    : Character.isWhitespace(c);
            if (changes) {
                return WHITESPACE.matcher(s).replaceAll(" ");
            }
        }
        return s;
    }

    /** @param name {@code item}'s value parsed */
    private String person(State s, Item item, PersonName name, TextIndex text) {
        String value = item.value();
        String core = name.core(value);
        String key = PERSON_KEY + singleSpaced(core.toLowerCase(Locale.ROOT));
        String prefix = value.substring(0, name.nameStart());
        String suffix = value.substring(name.nameEnd());
        if (!item.surrogate()) {
            String token = s.tokenByValue.get(key);
            if (token == null) {
                checkRoom(s);
                Person p = resolve(s, name, core, key);
                if (p.token == null) {
                    p.token = issueToken(s, "PERSON", p.key, p.display);
                }
                token = p.token;
                s.tokenByValue.put(key, token);
                s.realValues.add(core.toLowerCase(Locale.ROOT));
                knowIfFull(s, name, key);
            }
            return prefix + "[" + token + "]" + suffix;
        }
        String fake = s.surrogateByValue.get(key);
        if (fake == null) {
            checkRoom(s);
            s.realValues.add(core.toLowerCase(Locale.ROOT));
            Person p = resolve(s, name, core, key);
            RandomGenerator r = keyed == null ? random : new SplittableRandom(keyed.seed("PERSON", p.key));
            if (p.fakeFamily == null) {
                fakeName(s, p, text, r);
            }
            fake = p.render(name);
            String owner = s.valueBySurrogate.get(fake);
            if ((owner != null && !owner.equals(core)) || text.containsIgnoreCase(fake)
                    || s.realValues.contains(fake.toLowerCase(Locale.ROOT))) {
                // The short form clashes (two fakes share a given name): use a fresh stand-alone fake.
                Person alone = new Person();
                fakeName(s, alone, text, r);
                fake = alone.render(name);
            }
            s.surrogateByValue.put(key, fake);
            issueSurrogate(s, fake, core);
            knowIfFull(s, name, key);
        }
        return prefix + fake + suffix;
    }

    /** Remembers a full name's core (lower case, single-spaced) for {@link KnownNames}. */
    private static void knowIfFull(State s, PersonName name, String key) {
        String core = key.substring(PERSON_KEY.length());
        if (name.full() && core.indexOf(' ') > 0 && s.fullNames.add(core)) {
            s.fullNameOrder.add(core);
        }
    }

    /**
     * The person a name refers to (see {@link Persons#resolve}). A new full name makes the short forms
     * guessed to be someone else that it also fits ambiguous: they are forgotten, and decided again
     * (now as a person of their own) where they next occur. What was sent before still restores.
     */
    private static Person resolve(State s, PersonName name, String core, String key) {
        int before = s.persons.size();
        Person p = s.persons.resolve(name, core, key);
        if (s.persons.size() > before && p.anchor) {
            s.persons.forgetGuessesFitting(p, ambiguous -> {
                s.tokenByValue.remove(ambiguous);
                s.surrogateByValue.remove(ambiguous);
                s.forgotten++;
            });
        } else if (!key.equals(p.key)) {
            s.persons.guess(key, name);
        }
        return p;
    }

    private String issueToken(State s, String typeName, String key, String display) {
        String token;
        if (keyed != null) {
            String number = keyed.number(typeName, key);
            token = typeName + "_" + number;
            String other = s.valueByToken.get(token);
            if (other != null && !other.equals(display)) {
                throw new VeilException("two values of type " + typeName
                        + " got the same keyed token; protect them in separate sessions");
            }
            if (other == null && s.reserved.contains(LookAlikes.key(typeName, number))) {
                // The number is fixed by the key, so it cannot skip ahead as a counted one does; issuing it
                // would let the model's echo of what the user typed restore to this value.
                throw new VeilException("a keyed token of type " + typeName
                        + " was typed in this session before it was issued; protect the value in a new session");
            }
        } else {
            int n = s.counters.getOrDefault(typeName, 0);
            do {
                n++;
            } while (s.reserved.contains(LookAlikes.key(typeName, Integer.toString(n))));
            s.counters.put(typeName, n);
            token = typeName + "_" + n;
        }
        issuedTokens.add(token, display); // first: it refuses a core already issued for another value
        s.valueByToken.put(token, display);
        return token;
    }

    private void fakeName(State s, Person p, TextIndex text, RandomGenerator r) {
        boolean dutch = p.looksDutch();
        String[] givens = dutch ? Surrogates.DUTCH_GIVEN : Surrogates.ENGLISH_GIVEN;
        String[] families = dutch ? Surrogates.DUTCH_FAMILY : Surrogates.ENGLISH_FAMILY;
        // Once a session has used up most single names, double ones ("Alice-Megan Hughes-Ellis"), then
        // triple ones: a fake given or family name used for two people would restore a short form to the
        // wrong one. Where single names ran out once, they stay out: the next person starts at double ones.
        int from = dutch ? s.dutchNameParts : s.englishNameParts;
        for (int parts = from; parts <= MAX_NAME_PARTS; parts++) {
            for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
                String[] given = compound(givens, parts, r);
                String[] family = compound(families, parts, r);
                String g = String.join("-", given);
                String f = String.join("-", family);
                boolean clash = s.fakeFamilies.contains(f) || s.fakeGivens.contains(g)
                        || s.realValues.contains(g.toLowerCase(Locale.ROOT))
                        || s.realValues.contains(f.toLowerCase(Locale.ROOT))
                        || revealing(s, p, text, given) || revealing(s, p, text, family);
                if (!clash) {
                    p.fakeGiven = g;
                    p.fakeFamily = f;
                    s.fakeGivens.add(g);
                    s.fakeFamilies.add(f);
                    if (dutch) {
                        s.dutchNameParts = parts;
                    } else {
                        s.englishNameParts = parts;
                    }
                    return;
                }
            }
        }
        throw new VeilException("could not make a surrogate name distinct from this session's other names; "
                + "use PSEUDONYMIZE for this many people");
    }

    /** {@code parts} names of {@code list}, to be joined by hyphens. */
    private static String[] compound(String[] list, int parts, RandomGenerator r) {
        String[] names = new String[parts];
        for (int k = 0; k < parts; k++) {
            names[k] = Surrogates.pick(list, r);
        }
        return names;
    }

    /**
     * Whether a part of a fake name is the person's own given or family name, a real value of the
     * session, in the text, or twice in the fake: "Ruben-Pieter Postma-Postma" for Stijn Postma would
     * send his family name on to the model.
     */
    private static boolean revealing(State s, Person p, TextIndex text, String[] parts) {
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            if (overlaps(part, p.given) || overlaps(part, p.family)
                    || parts.length > 1 && s.realValues.contains(part.toLowerCase(Locale.ROOT)) || text.containsIgnoreCase(part)) {
                return true;
            }
            for (int j = 0; j < k; j++) {
                if (part.equalsIgnoreCase(parts[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of a fake part and a real name holds the other, ignoring case ("van Schaik" and "Schaik"). */
    private static boolean overlaps(String part, String real) {
        if (real == null || real.isEmpty()) {
            return false;
        }
        String a = part.toLowerCase(Locale.ROOT);
        String b = real.toLowerCase(Locale.ROOT);
        return a.contains(b) || b.contains(a);
    }

    /** Tries per number of parts for a fake name no other person of the session uses. */
    private static final int NAME_ATTEMPTS = 200;
    /** The most parts of a fake given or family name: about 27,000 of each from the Dutch lists. */
    private static final int MAX_NAME_PARTS = 3;

    private String distinctFake(State s, TextIndex text, String real, java.util.function.Supplier<String> maker) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String fake = maker.get();
            if (!fake.equalsIgnoreCase(real) && !s.valueBySurrogate.containsKey(fake)
                    && !s.realValues.contains(fake.toLowerCase(Locale.ROOT)) && !text.containsIgnoreCase(fake)) {
                return fake;
            }
        }
        throw new VeilException("could not make a surrogate distinct from the real values; use PSEUDONYMIZE");
    }

    /** How many surrogates of {@link State#fakeOrder} a text was read for, with findings at these spans. */
    record SurrogateCheck(Spans rewritten, int checked) {
    }

    /** Past this many surrogates issued since a text was last read for them, it is read for all of them again. */
    private static final int RECHECK_EACH = 8;

    /**
     * A surrogate the user typed outside a protected span can no longer be told apart from a real
     * value, so it is no longer restored (left as the model wrote it). The published mapping holds
     * exactly the surrogates still safe: every change is published before the lock is let go. A text
     * sent again under {@code key} with findings at the same places is searched only for the
     * surrogates issued since (a chat re-sends its history every turn).
     */
    private void markUnsafeSurrogates(State s, CharSequence text, Object key, List<Finding> rewritten) {
        if (s.fakeOrder.isEmpty()) {
            return;
        }
        SurrogateIndex.At outside = (start, end) -> !inside(rewritten, start, end);
        String string = text.toString();
        Spans spans = key == null ? null : Spans.of(rewritten);
        SurrogateCheck before = key == null ? null : s.surrogateChecks.get(key);
        Collection<String> typed;
        if (before != null && before.rewritten().equals(spans) && s.fakeOrder.size() - before.checked() <= RECHECK_EACH) {
            typed = new ArrayList<>();
            for (String fake : s.fakeOrder.subList(before.checked(), s.fakeOrder.size())) {
                if (!s.unsafeSurrogates.contains(fake) && SurrogateIndex.occurs(string, fake, outside)) {
                    typed.add(fake);
                }
            }
        } else {
            typed = mapping.surrogates().occurrences(string, outside);
        }
        for (String fake : typed) {
            s.unsafeSurrogates.add(fake);
            changedSurrogates.add(fake);
        }
        if (key != null) {
            if (s.surrogateChecks.size() >= MAX_COLLECTED) {
                s.surrogateChecks.clear();
            }
            s.surrogateChecks.put(key, new SurrogateCheck(spans, s.fakeOrder.size()));
        }
    }

    /** Whether {@code [start, end)} lies within one of {@code spans} (sorted, not overlapping). */
    private static boolean inside(List<Finding> spans, int start, int end) {
        int k = lastStartingAtOrBefore(spans, start);
        return k >= 0 && end <= spans.get(k).end();
    }

    /** Whether {@code f} overlaps one of {@code spans} (sorted, not overlapping). */
    private static boolean overlapsAny(List<Finding> spans, Finding f) {
        int k = lastStartingAtOrBefore(spans, f.end() - 1);
        return k >= 0 && spans.get(k).end() > f.start();
    }

    /** Index of the last span starting at or before {@code at}, or -1: a binary search. */
    private static int lastStartingAtOrBefore(List<Finding> spans, int at) {
        int lo = 0;
        int hi = spans.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).start() <= at) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static void checkRoom(State s) {
        if (s.size() >= MAX_VALUES) {
            throw new VeilException("this session holds the maximum of " + MAX_VALUES
                    + " values; start a new session");
        }
    }

    /** The canonical form two spellings of one value share: case for e-mail, spacing for numbers. */
    static String canonical(EntityType type, String value) {
        return switch (type.name()) {
            case "EMAIL" -> value.toLowerCase(Locale.ROOT);
            case "IBAN", "PHONE", "CREDIT_CARD", "NL_BSN", "BE_NATIONAL_NUMBER" -> {
                StringBuilder b = new StringBuilder(value.length());
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (Character.isLetterOrDigit(c) || c == '+') {
                        b.append(Character.toUpperCase(c));
                    }
                }
                yield b.toString();
            }
            default -> value;
        };
    }

    private void publish() {
        State s = state;
        TypeSet typesBefore = mapping.types();
        mapping = Mapping.next(mapping, issuedTokens, s.valueBySurrogate, s.unsafeSurrogates, changedSurrogates);
        changedSurrogates.clear();
        if (s.fullNameOrder.size() != knownNames.size()) {
            // Only grows: the names past the published ones are new.
            knownNames = knownNames.with(s.fullNameOrder.subList(knownNames.size(), s.fullNameOrder.size()));
        }
        if (lookAlikeWords != null && mapping.types() != typesBefore) {
            // An imported mapping may hold types this engine never reports; its tokens are issued again for
            // the same values, so their look-alikes are reserved too.
            reserveAfter = lookAlikeWords.union(mapping.types());
        }
    }

    /** The full names of the persons this vault holds, as last published; read without the lock. */
    KnownNames knownNames() {
        return knownNames;
    }

    /** The state serialised for export, taken under the lock so it is consistent. */
    synchronized byte[] exportState() {
        checkOpen();
        return MappingCodec.write(state);
    }

    /**
     * Replaces an empty vault's state with an imported one, all at once.
     *
     * @throws IllegalStateException if this vault already holds values or has protected a text
     */
    synchronized void install(State imported) {
        checkOpen();
        if (used || !state.isEmpty()) {
            // Even a text that issued nothing may hold a typed look-alike ("EMAIL_1") that the imported
            // mapping issued: the model's echo of it would restore to that value.
            throw new IllegalStateException("import a mapping only into a new session that has protected nothing");
        }
        state = imported;
        issuedTokens = Mapping.IssuedTokens.of(imported.valueByToken);
        changedSurrogates.addAll(imported.valueBySurrogate.keySet());
        rebuild(imported);
        publish();
    }

    /**
     * Rebuilds what an imported state does not carry: its guessed short forms (the person keys that
     * own no person) and the fake names in use.
     */
    private static void rebuild(State s) {
        s.fakeOrder.addAll(s.valueBySurrogate.keySet());
        Set<String> owned = new HashSet<>();
        for (Person p : s.persons) {
            owned.add(p.key);
            if (p.fakeFamily != null) {
                s.fakeGivens.add(p.fakeGiven);
                s.fakeFamilies.add(p.fakeFamily);
            }
        }
        Set<String> keys = new HashSet<>(s.tokenByValue.keySet());
        keys.addAll(s.surrogateByValue.keySet());
        for (String key : keys) {
            if (key.startsWith(PERSON_KEY)) {
                knowIfFull(s, PersonName.parse(key.substring(PERSON_KEY.length())), key);
            }
            if (key.startsWith(PERSON_KEY) && !owned.contains(key)) {
                PersonName name = PersonName.parse(key.substring(PERSON_KEY.length()));
                s.persons.guess(key, name);
            }
        }
    }

    @Override
    public String toString() {
        return "Vault[values=" + size() + (keyed != null ? ", keyed" : "") + "]";
    }
}
