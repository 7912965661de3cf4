package dev.veil;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.veil.detect.DetectedText;
import dev.veil.detect.Detector;
import dev.veil.detect.Detectors;
import dev.veil.detect.EngineInput;
import dev.veil.protect.Masker;
import dev.veil.protect.Replacer;
import dev.veil.protect.TextRewriter;
import dev.veil.resolve.OverlapResolver;
import dev.veil.session.Session;
import dev.veil.session.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The front door: protects prompts before they leave the building.
 *
 * <pre>{@code
 * Veil veil = Veil.create();                      // balanced policy, every built-in detector
 * ProtectedText safe = veil.protect("Mail jan@voorbeeld.nl of bel 06-12345678");
 * safe.text();                                     // "Mail [EMAIL] of bel [PHONE]"
 * }</pre>
 *
 * <p>A call runs every detector over the text, drops findings below the policy's thresholds and those
 * on the allow list, resolves overlaps (longest span, then score, then type priority; see
 * {@link OverlapResolver}), and applies the policy's action per type. If a detector fails, the call
 * throws {@link DetectionFailedException} instead of returning unchecked text (fail closed).
 *
 * <p>With {@link Builder#detectionCache()} on, detection results are cached per segment, keyed by a hash
 * of its content (never the text), so a chat history re-sent every turn is detected only where it is
 * new; it is off by default because context then stops at paragraph breaks (see there), and
 * {@link #clearDetectionCache()} empties it.
 *
 * <p>Immutable and thread-safe after {@link Builder#build()}: share one instance.
 */
public final class Veil {

    /** The default limit on input length, in chars. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 64 * 1024 * 1024;
    /** Restored replies shorter than this are not detected ahead of the next turn. */
    static final int MIN_PRIMED = 64;
    /** The default bound of the detection cache, in paragraphs. */
    public static final long DEFAULT_CACHE_SIZE = 10_000;
    /** By default a cached paragraph is forgotten this long after it was last seen. */
    public static final Duration DEFAULT_CACHE_EXPIRY = Duration.ofMinutes(10);

    private final Policy policy;
    private final Language language;
    private final List<Detector> detectors;
    /** Per detector, the types it declared when the engine was built: it may report no other. */
    private final List<Set<EntityType>> declaredTypes;
    private final Set<String> allowList;
    private final long detectorBudgetNanos;
    private final int maxTextLength;
    private final Sessions sessions;
    private final DetectionCache cache;
    /** Keys texts for the detection cache and for what sessions remember per text; random per engine. */
    private final ContentHash contentHash = new ContentHash();

    private Veil(Builder b) {
        this.policy = b.policy;
        this.language = b.language;
        this.maxTextLength = b.maxTextLength;
        this.detectorBudgetNanos = b.detectorBudgetNanos;
        this.cache = b.cacheSize == 0 ? null
                : new DetectionCache(b.cacheSize, b.cacheExpiry, b.cacheTicker, contentHash);
        this.allowList = Set.copyOf(b.allow);
        List<Detector> all = new ArrayList<>();
        if (b.builtIns) {
            List<Detector> builtIns = new ArrayList<>(Detectors.identifiers());
            builtIns.addAll(Detectors.names());
            for (Detector d : builtIns) {
                if (!b.removed.contains(d.id())) {
                    all.add(d);
                }
            }
            // Special categories run after identifiers and names: they use those findings as person links.
            Detector special = Detectors.specialCategories();
            if (!b.removed.contains(special.id())) {
                all.add(special);
            }
        }
        if (!b.deny.isEmpty()) {
            all.add(Detectors.denyList(b.deny));
        }
        all.addAll(b.custom);
        // A detector whose types the policy keeps anyway does not need to run.
        Set<String> ids = new HashSet<>();
        for (Detector d : all) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("two detectors have the id '" + d.id()
                        + "'; to replace a built-in one, remove it first with withoutDetector(\"" + d.id() + "\")");
            }
        }
        all.removeIf(d -> d.entityTypes().stream().noneMatch(policy::actsOn));
        this.detectors = List.copyOf(all);
        this.declaredTypes = all.stream().map(d -> Set.copyOf(d.entityTypes())).toList();
        this.sessions = new Sessions(new SessionEngine(), policy, b.sessionIdleTimeout, b.maxSessions,
                b.sessionTicker, b.tokenKey);
    }

    /** An engine with the {@link Policy#balanced() balanced} policy, every built-in detector, any language. */
    public static Veil create() {
        return builder().build();
    }

    /** A builder that starts from the balanced policy and every built-in detector. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy this engine applies. */
    public Policy policy() {
        return policy;
    }

    /** The ids of the detectors this engine runs, in order. */
    public List<String> detectorIds() {
        return detectors.stream().map(Detector::id).toList();
    }

    /**
     * Finds the personal data the policy acts on, in the engine's default language.
     *
     * @see #scan(CharSequence, Language)
     */
    public List<Finding> scan(CharSequence text) {
        return scan(text, language);
    }

    /**
     * Finds the personal data the policy acts on: findings at or above their type's threshold, not on
     * the allow list, that the policy does not KEEP (a finding of a KEEP type counts where its score
     * reaches the type's block threshold), with overlaps resolved.
     *
     * @return sorted by start, not overlapping, except that one span may carry several types (a
     *         multi-label term such as {@code joods}: ETHNIC_ORIGIN and RELIGION); empty for empty text
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the text is longer than the engine's limit
     * @throws DetectionFailedException if a detector fails and the policy does not tolerate it
     */
    public List<Finding> scan(CharSequence text, Language language) {
        return scan(text, language, null);
    }

    /**
     * {@link #scan(CharSequence, Language)}; if the detection cache's pass named the whole text,
     * its key goes in {@code wholeKey[0]} (when not null), so a session need not hash the text again.
     */
    private List<Finding> scan(CharSequence text, Language language, ContentHash.Key[] wholeKey) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        if (text.length() > maxTextLength) {
            throw new IllegalArgumentException("text has " + text.length() + " chars; this engine accepts at most "
                    + maxTextLength + " (Veil.Builder.maxTextLength)");
        }
        if (text.length() == 0) {
            return List.of();
        }
        if (cache == null) {
            return actedOn(text, detectAll(text, language).findings());
        }
        // Findings never cross a paragraph break, so thresholds, the allow list and overlap resolution
        // give the same result per segment as over the whole text; the cache keeps them resolved.
        // Detection itself may differ: detectors see one segment, so context, a detector's memory of
        // earlier names ("Paul De Grauwe ... De Grauwe") and the person detector's language guess under
        // AUTO do not cross a cut.
        return Collections.unmodifiableList(cache.detect(text, language, (segment, lang) -> {
            DetectionCache.Result r = detectAll(segment, lang);
            return new DetectionCache.Result(actedOn(segment, r.findings()), r.complete());
        }, wholeKey));
    }

    /** The raw findings in {@code text} the policy acts on, overlaps resolved. */
    private List<Finding> actedOn(CharSequence text, List<Finding> raw) {
        List<Finding> kept = new ArrayList<>(raw.size());
        for (Finding f : raw) {
            // Per score: a type the policy KEEPs can still block when its finding is strong enough.
            if (f.score() >= policy.thresholdFor(f.type())
                    && !(policy.actionFor(f.type(), f.score()) instanceof Action.Keep) && !allowed(text, f)) {
                kept.add(f);
            }
        }
        for (Finding f : kept) {
            if (blocks(f)) {
                // A finding the policy blocks on wins every overlap: a longer finding of another type must
                // not hide it (the prompt would be sent, with the blocked value's tail outside the span).
                return OverlapResolver.resolve(text, kept, this::blocks);
            }
        }
        return OverlapResolver.resolve(text, kept, f -> false);
    }

    private boolean blocks(Finding f) {
        return policy.actionFor(f.type(), f.score()) instanceof Action.Block;
    }

    /** Every detector over {@code text}: raw findings, sorted by start, before thresholds and resolution. */
    private DetectionCache.Result detectAll(CharSequence text, Language language) {
        Input input = new Input(text, language);
        boolean complete = true;
        for (int i = 0; i < detectors.size(); i++) {
            complete &= input.run(detectors.get(i), declaredTypes.get(i), policy, detectorBudgetNanos);
        }
        if (!input.holdsCharsToFold()) {
            return new DetectionCache.Result(input.findings, complete);
        }
        // Invisible or fullwidth chars: detect the folded text too and keep both. Folding finds what a char
        // inside an identifier hid ("jan<ZWSP>@voorbeeld.nl"); the text as typed keeps what a char between
        // two words separates ("BSN<ZWSP>111222333", a deny-listed "Project<NBSP>Alpha").
        DetectedText folded = DetectedText.of(text);
        Input seen = new Input(folded.text(), language);
        for (int i = 0; i < detectors.size(); i++) {
            complete &= seen.run(detectors.get(i), declaredTypes.get(i), policy, detectorBudgetNanos);
        }
        List<Finding> both = new ArrayList<>(input.findings);
        both.addAll(folded.toOriginal(seen.findings));
        both.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        return new DetectionCache.Result(both, complete);
    }

    /**
     * Forgets every detection result this engine cached. Calls after this detect every text again.
     * Safe to call at any time from any thread; does nothing if the engine has no cache.
     */
    public void clearDetectionCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    private boolean allowed(CharSequence text, Finding f) {
        return !allowList.isEmpty() && allowList.contains(f.valueIn(text).strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Protects a text in the engine's default language.
     *
     * @see #protect(CharSequence, Language)
     */
    public ProtectedText protect(CharSequence text) {
        return protect(text, language);
    }

    /**
     * Protects a text: every finding the policy acts on is redacted, masked or replaced per its type's
     * action. Reversible actions ({@link Action#PSEUDONYMIZE}, {@link Action#SURROGATE}) need a
     * session to remember what they replaced: use {@link #session(String)} for those.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the text is longer than the engine's limit
     * @throws PromptBlockedException if the policy blocks a type that was found; nothing may be sent
     * @throws DetectionFailedException if a detector fails and the policy does not tolerate it
     * @throws IllegalStateException if the policy pseudonymises a type that was found: protect with a
     *                               session instead
     */
    public ProtectedText protect(CharSequence text, Language language) {
        return protect(text, language, null);
    }

    /**
     * The session with this id, for a conversation whose replies are restored: the live one, or a new
     * one. Protect each turn with {@link Session#protect(CharSequence)} and restore each reply with
     * {@link Session#restore(CharSequence)} or {@link Session#streamRestorer()}. Sessions unused for
     * the idle timeout, or the least recently used beyond the maximum, end on their own
     * ({@link Builder#sessionIdleTimeout}, {@link Builder#maxSessions}).
     *
     * @throws NullPointerException if {@code id} is null
     */
    public Session session(String id) {
        return sessions.get(id);
    }

    /** Ends the session with this id now, dropping its mapping; does nothing if there is none. */
    public void endSession(String id) {
        sessions.end(id);
    }

    private ProtectedText protect(CharSequence text, Language language, Sessions.Issuer issuer) {
        Language lang = language == null ? this.language : language;
        ContentHash.Key[] wholeKey = issuer == null ? null : new ContentHash.Key[1];
        List<Finding> findings = scan(text, lang, wholeKey);
        Set<EntityType> blocked = null;
        for (Finding f : findings) {
            if (policy.actionFor(f.type(), f.score()) instanceof Action.Block) {
                if (blocked == null) {
                    blocked = new HashSet<>();
                }
                blocked.add(f.type());
            }
        }
        if (blocked != null) {
            throw new PromptBlockedException(blocked);
        }
        List<Finding> all = findings;
        // One replacement per span: a multi-label span is written as its highest-priority type.
        findings = OverlapResolver.primaries(findings);
        List<Finding> reversible = new ArrayList<>();
        for (Finding f : findings) {
            if (policy.actionFor(f.type(), f.score()).needsSession()) {
                if (issuer == null) {
                    throw new IllegalStateException("the policy pseudonymises " + f.type()
                            + ": protect with veil.session(id).protect(text) so the reply can be restored");
                }
                reversible.add(f);
            }
        }
        if (issuer == null) {
            return new ProtectedText(TextRewriter.rewrite(text, findings, this::replacement), all);
        }
        // Issued tokens the user typed are found in the same step as issuing, and rewritten too, so
        // they can never restore to the session's data. Every turn goes through it, so a look-alike
        // typed in a turn with nothing to protect is never issued later either.
        // The session's key for this text: the cache's, when its pass over the text named all of it.
        Object key = wholeKey[0] != null ? wholeKey[0] : contentHash.of(text, 0, text.length(), lang);
        Sessions.Issued issued = issuer.issue(text, key, findings, reversible);
        List<Finding> rewritten = findings;
        if (!issued.lookAlikes().isEmpty()) {
            rewritten = new ArrayList<>(findings);
            rewritten.addAll(issued.lookAlikes());
            rewritten.sort((x, y) -> Integer.compare(x.start(), y.start()));
            // A full name the session knew is personal data found, and counted; a typed token is not.
            List<Finding> counted = new ArrayList<>(all);
            for (Finding f : issued.lookAlikes()) {
                if (!Sessions.isLookAlike(f)) {
                    counted.add(f);
                }
            }
            if (counted.size() > all.size()) {
                counted.sort((x, y) -> Integer.compare(x.start(), y.start()));
                all = counted;
            }
        }
        Replacer session = issued.replacer();
        String out = TextRewriter.rewrite(text, rewritten, (f, t) -> Sessions.isLookAlike(f)
                || policy.actionFor(f.type(), f.score()).needsSession()
                ? session.replacementFor(f, t) : replacement(f, t));
        return new ProtectedText(out, all);
    }

    private String replacement(Finding f, CharSequence text) {
        Action action = policy.actionFor(f.type(), f.score());
        if (action instanceof Action.Redact r) {
            return r.replacement();
        } else if (action instanceof Action.Mask) {
            return Masker.mask(f.type(), f.valueIn(text));
        } else if (action instanceof Action.Replace) {
            return "[" + f.type().name() + "]";
        } else if (action instanceof Action.Keep) {
            return f.valueIn(text);
        }
        throw new IllegalStateException("no replacement for action " + action);
    }

    @Override
    public String toString() {
        return "Veil[policy=" + policy.name() + ", language=" + language + ", detectors=" + detectorIds() + "]";
    }

    /** What sessions need of the engine: protect a turn, and see the replies they restored. */
    private final class SessionEngine implements Sessions.Engine {
        @Override
        public ProtectedText protect(CharSequence text, Language language, Sessions.Issuer issuer) {
            return Veil.this.protect(text, language, issuer);
        }

        /**
         * Detects a restored reply ahead of the next turn, which re-sends it: that turn then pays only
         * for its new message. Detected as a turn without a language is, in the engine's default.
         */
        @Override
        public void restored(CharSequence reply) {
            // Short strings (a tool call's argument values, one-line answers) cost little next turn and
            // would only crowd the cache.
            if (cache == null || reply.length() < MIN_PRIMED || reply.length() > maxTextLength) {
                return;
            }
            try {
                scan(reply, language);
            } catch (DetectionFailedException e) {
                // Nothing is cached: the next turn detects the reply again and fails closed there.
            }
        }

        @Override
        public boolean wantsRestoredReplies() {
            return cache != null;
        }

        @Override
        public Set<EntityType> reportableTypes() {
            Set<EntityType> all = new HashSet<>();
            declaredTypes.forEach(all::addAll);
            return all;
        }
    }

    /** The per-call view detectors get; collects their findings and checks them. Not thread-safe. */
    private static final class Input extends EngineInput {
        private final CharSequence text;
        private final Language language;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Finding> view = Collections.unmodifiableList(findings);
        /** The type of the finding that failed the running detector for not being declared, or null. */
        private EntityType undeclared;

        Input(CharSequence text, Language language) {
            this.text = text;
            this.language = language;
        }

        @Override
        public CharSequence text() {
            return text;
        }

        @Override
        public Language language() {
            return language;
        }

        @Override
        public List<Finding> priorFindings() {
            return view;
        }

        /**
         * Runs one detector; false if it failed and the policy tolerated that. A finding of a type the
         * detector did not declare is a failure: sessions reserve typed token look-alikes only for the
         * declared types, so a token of another type could restore to what the user typed.
         */
        boolean run(Detector detector, Set<EntityType> declared, Policy policy, long budgetNanos) {
            String id = detector.id();
            int before = findings.size();
            long started = budgetNanos > 0 ? System.nanoTime() : 0;
            undeclared = null;
            try {
                detector.detect(this, (start, end, type, score) -> {
                    checkSpan(start, end);
                    if (!declared.contains(type)) {
                        undeclared = type;
                        throw new IllegalArgumentException("undeclared type");
                    }
                    findings.add(new Finding(start, end, type, score, id));
                });
                if (undeclared != null) {
                    // The detector caught the sink's refusal and went on: its finding is lost, so it failed.
                    throw new IllegalArgumentException("undeclared type");
                }
            } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
                // Exception, not RuntimeException: Kotlin or @SneakyThrows detectors throw undeclared
                // checked exceptions, and their messages may quote the text just as well.
                if (policy.toleratesFailureOf(id)) {
                    findings.subList(before, findings.size()).clear();
                    return false;
                }
                // Not the type's name: a detector could build its types from the text.
                throw new DetectionFailedException(id, undeclared != null
                        ? "reported a type missing from its entityTypes()" : e.getClass().getSimpleName());
            }
            if (budgetNanos > 0 && System.nanoTime() - started > budgetNanos) {
                if (policy.toleratesFailureOf(id)) {
                    findings.subList(before, findings.size()).clear();
                    return false;
                }
                throw new DetectionFailedException(id, "exceeded its time budget of "
                        + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(budgetNanos) + " ms");
            }
            if (findings.size() > before) {
                findings.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                        : Integer.compare(a.end(), b.end()));
            }
            return true;
        }

        private void checkSpan(int start, int end) {
            if (start < 0 || end > text.length() || start >= end) {
                throw new IllegalArgumentException("finding span out of bounds");
            }
            if (splitsPair(start) || splitsPair(end)) {
                throw new IllegalArgumentException("finding span splits a surrogate pair");
            }
        }

        private boolean splitsPair(int i) {
            return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
                    && Character.isLowSurrogate(text.charAt(i));
        }
    }

    /**
     * Builds a {@link Veil}. Starts from the balanced policy, every built-in detector, and
     * {@link Language#AUTO}. Not thread-safe.
     */
    public static final class Builder {
        private Policy policy = Policy.balanced();
        private Language language = Language.AUTO;
        private boolean builtIns = true;
        private final Set<String> removed = new TreeSet<>();
        private final List<Detector> custom = new ArrayList<>();
        private final Set<String> allow = new HashSet<>();
        private final Map<String, EntityType> deny = new LinkedHashMap<>();
        private int maxTextLength = DEFAULT_MAX_TEXT_LENGTH;
        private long detectorBudgetNanos;
        private Duration sessionIdleTimeout = Sessions.DEFAULT_IDLE_TIMEOUT;
        private long maxSessions = Sessions.DEFAULT_MAX_SESSIONS;
        private LongSupplier sessionTicker = System::nanoTime;
        private byte[] tokenKey;
        private long cacheSize;
        private Duration cacheExpiry = DEFAULT_CACHE_EXPIRY;
        private Ticker cacheTicker = Ticker.systemTicker();
        private boolean cacheSet;

        private Builder() {
        }

        /**
         * How long an unused session lives before it ends and its mapping is dropped; 30 minutes by
         * default.
         *
         * @throws NullPointerException if {@code idle} is null
         * @throws IllegalArgumentException if {@code idle} is not positive
         */
        public Builder sessionIdleTimeout(Duration idle) {
            Objects.requireNonNull(idle, "idle");
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("the session idle timeout must be positive");
            }
            this.sessionIdleTimeout = idle;
            return this;
        }

        /**
         * How many sessions live at once; beyond that the least recently used end. 10,000 by default.
         *
         * @throws IllegalArgumentException if {@code max} is less than 1
         */
        public Builder maxSessions(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1, got " + max);
            }
            this.maxSessions = max;
            return this;
        }

        /**
         * The time source for session expiry, in nanoseconds like {@link System#nanoTime()}; for tests.
         *
         * @throws NullPointerException if {@code nanoTime} is null
         */
        public Builder sessionTicker(LongSupplier nanoTime) {
            this.sessionTicker = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Makes pseudonymisation tokens deterministic: with the same secret key (at least 16 bytes),
         * a value gets the same token in every session, process and machine, e.g. for documents
         * protected in parallel. Tokens are {@code HMAC-SHA256} based and reveal nothing without the
         * key. Without a key, tokens are numbered per session ({@code [PERSON_1]}, {@code [PERSON_2]}).
         *
         * @throws NullPointerException if {@code key} is null
         * @throws IllegalArgumentException if the key is shorter than 16 bytes
         */
        public Builder tokenKey(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length < 16) {
                throw new IllegalArgumentException("a token key needs at least 16 bytes, got " + key.length);
            }
            this.tokenKey = key.clone();
            return this;
        }

        /**
         * The policy to apply.
         *
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The language assumed when a call names none; {@link Language#AUTO} by default.
         *
         * @throws NullPointerException if {@code language} is null
         */
        public Builder language(Language language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * Adds a detector, run after the built-in ones.
         *
         * @throws NullPointerException if {@code detector} is null
         * @throws IllegalArgumentException if a detector with the same id is already registered, or the
         *                                  id is reserved ({@code session.*}); a clash with a built-in
         *                                  detector is reported by {@link #build()}
         */
        public Builder detector(Detector detector) {
            Objects.requireNonNull(detector, "detector");
            String id = Objects.requireNonNull(detector.id(), "detector.id()");
            if (id.startsWith("session.")) {
                throw new IllegalArgumentException("detector ids starting with 'session.' are reserved");
            }
            for (Detector d : custom) {
                if (d.id().equals(id)) {
                    throw new IllegalArgumentException("a detector with id '" + id + "' is already registered");
                }
            }
            custom.add(detector);
            return this;
        }

        /**
         * Removes a built-in detector by id, e.g. {@code ip_address}.
         *
         * @throws NullPointerException if {@code id} is null
         */
        public Builder withoutDetector(String id) {
            removed.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        /** Runs only the detectors added with {@link #detector(Detector)}. */
        public Builder withoutBuiltInDetectors() {
            builtIns = false;
            return this;
        }

        /**
         * Values never flagged, whatever a detector says (compared ignoring case and surrounding space):
         * the company's own support address, a public figure's name.
         *
         * @throws NullPointerException if {@code values} or one of them is null
         */
        public Builder allow(String... values) {
            for (String v : Objects.requireNonNull(values, "values")) {
                allow.add(Objects.requireNonNull(v, "value").strip().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * Values always flagged as {@code type} where they stand as whole words, ignoring case.
         *
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if a value is blank
         */
        public Builder deny(EntityType type, String... values) {
            Objects.requireNonNull(type, "type");
            for (String v : Objects.requireNonNull(values, "values")) {
                Objects.requireNonNull(v, "value");
                if (v.isBlank()) {
                    throw new IllegalArgumentException("deny-list values must not be blank");
                }
                deny.put(v.strip(), type);
            }
            return this;
        }

        /**
         * The longest text a call accepts, in chars; longer texts are refused with an exception.
         *
         * @throws IllegalArgumentException if {@code chars} is not positive
         */
        public Builder maxTextLength(int chars) {
            if (chars <= 0) {
                throw new IllegalArgumentException("maxTextLength must be positive, got " + chars);
            }
            this.maxTextLength = chars;
            return this;
        }

        /**
         * Fails the call (fail closed) when one detector takes longer than {@code budget} on one text,
         * unless the policy tolerates that detector, whose findings are then skipped. Java cannot stop a
         * running detector safely, so the budget is checked when it returns: it decides what is
         * accepted, not how long a call may hang (bound that with {@link #maxTextLength}). Off by
         * default; the built-in detectors are linear in the text.
         *
         * @throws NullPointerException if {@code budget} is null
         * @throws IllegalArgumentException if {@code budget} is not positive
         */
        public Builder detectorTimeBudget(Duration budget) {
            Objects.requireNonNull(budget, "budget");
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("detector time budget must be positive");
            }
            this.detectorBudgetNanos = budget.toNanos();
            return this;
        }

        /**
         * Switches the detection cache on with its default bounds ({@value Veil#DEFAULT_CACHE_SIZE}
         * segments, 10 minutes after last use): for chat histories re-sent every turn.
         *
         * @see #detectionCache(long, Duration)
         * @throws IllegalStateException if the cache was already configured or switched off
         */
        public Builder detectionCache() {
            return detectionCache(DEFAULT_CACHE_SIZE, DEFAULT_CACHE_EXPIRY);
        }

        /**
         * Switches the detection cache on: at most {@code maximumSize} segments (least valuable evicted
         * first), each forgotten {@code expireAfterAccess} after it was last seen. The cache holds a
         * keyed hash of each segment and the offsets, types and scores found in it, never text.
         *
         * <p>Off by default, because it trades some recall for speed: detectors then see a text one
         * segment at a time (cut at blank lines, at least 256 chars), so context does not cross a
         * paragraph break. A surname mentioned on its own in a later paragraph is no longer linked to the
         * full name before it (on CoNLL articles with blank lines between sentences, name recall fell
         * from 0.839 to 0.790). Turn it on where re-sent histories dominate the cost.
         *
         * @throws NullPointerException if {@code expireAfterAccess} is null
         * @throws IllegalArgumentException if a bound is not positive
         * @throws IllegalStateException if the cache was already configured or switched off
         */
        public Builder detectionCache(long maximumSize, Duration expireAfterAccess) {
            Objects.requireNonNull(expireAfterAccess, "expireAfterAccess");
            if (maximumSize <= 0 || expireAfterAccess.isNegative() || expireAfterAccess.isZero()) {
                throw new IllegalArgumentException("detection cache bounds must be positive");
            }
            checkCacheUnset();
            this.cacheSize = maximumSize;
            this.cacheExpiry = expireAfterAccess;
            return this;
        }

        /**
         * Detects every text in full on every call, remembering nothing between calls (the default;
         * says so explicitly).
         *
         * @throws IllegalStateException if the cache was already configured or switched off
         */
        public Builder withoutDetectionCache() {
            checkCacheUnset();
            this.cacheSize = 0;
            return this;
        }

        /** The cache's clock, for tests. */
        Builder cacheTicker(Ticker ticker) {
            this.cacheTicker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        private void checkCacheUnset() {
            if (cacheSet) {
                throw new IllegalStateException("the detection cache was already configured");
            }
            cacheSet = true;
        }

        /**
         * Builds the immutable, thread-safe engine.
         *
         * @throws IllegalArgumentException if an added detector has the id of a built-in one that was
         *                                  not removed with {@link #withoutDetector(String)}
         */
        public Veil build() {
            return new Veil(this);
        }
    }
}
