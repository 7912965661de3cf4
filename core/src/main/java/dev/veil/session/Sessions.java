package dev.veil.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.Policy;
import dev.veil.ProtectedText;
import dev.veil.protect.Replacer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The live sessions of one Veil instance, in a Caffeine cache bounded by size and idle time: a
 * session unused for the idle timeout, or evicted because there are too many, is ended and its
 * mapping dropped, so memory stays bounded even when callers never close sessions.
 *
 * <p>Thread-safe. Internal: made by {@code Veil}; callers use {@code veil.session(id)}.
 */
public final class Sessions {

    /**
     * Internal seam to the engine that owns these sessions (implemented by {@code Veil}): scan and
     * protect a text, handing the findings it rewrites to {@code issuer}, which adds the session's
     * look-alikes (issued tokens the user typed) and supplies the replacement for those and for the
     * findings whose action needs a session. Do not implement or call it.
     */
    @FunctionalInterface
    public interface Engine {
        /** Protects {@code text}; see {@link Engine}. */
        ProtectedText protect(CharSequence text, Language language, Issuer issuer);

        /**
         * Told every reply a session restored, whole, as the caller got it back: a chat client sends it
         * again as part of the next turn's history. An engine with a detection cache detects it now,
         * so the next turn finds it cached. Must not throw.
         */
        default void restored(CharSequence reply) {
        }

        /** Whether {@link #restored} does anything: if not, streamed replies are not collected for it. */
        default boolean wantsRestoredReplies() {
            return false;
        }

        /**
         * Every type the engine's detectors may report, so every type a session can issue tokens for; or
         * null if that is not known. A number after a word is reserved as a typed token look-alike only
         * when the word is the last segment of one of these types ({@code Email 3}, not {@code
         * Ordernummer 3}); with null, after every word.
         */
        default Set<EntityType> reportableTypes() {
            return null;
        }
    }

    /**
     * Internal seam: one turn's issuing in a session. Do not implement or call it.
     */
    @FunctionalInterface
    public interface Issuer {
        /**
         * Finds the issued tokens the user typed in {@code text} outside {@code rewritten}, and issues
         * tokens and surrogates for them and for {@code reversible}, in one step under the session's
         * lock: a token another turn issues meanwhile is either found as typed here or never issued
         * for a number typed here.
         *
         * @param key        a key for what the engine finds in {@code text} in this turn's language, equal
         *                   for equal text and language, which holds no text (a keyed hash): the session
         *                   remembers per key what it found in a text it saw before, for the history a
         *                   chat re-sends every turn; or null, and the session remembers nothing
         * @param rewritten  every finding the text is rewritten for: sorted, one per span
         * @param reversible those of them whose action needs a session
         */
        Issued issue(CharSequence text, Object key, List<Finding> rewritten, List<Finding> reversible);
    }

    /**
     * What an {@link Issuer} did: what it found besides the findings (the issued tokens the user typed,
     * and full names the session knows that the detectors missed), to rewrite as well (sorted), and the
     * replacement for each of them and each reversible finding.
     */
    public record Issued(List<Finding> lookAlikes, Replacer replacer) {
        /** @throws NullPointerException if an argument is null */
        public Issued {
            lookAlikes = List.copyOf(lookAlikes);
            Objects.requireNonNull(replacer, "replacer");
        }
    }

    /** Whether a finding is a look-alike of an issued token rather than personal data. */
    public static boolean isLookAlike(Finding finding) {
        return Mapping.LOOK_ALIKE.equals(finding.detector());
    }

    /** Default idle time after which a session ends. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Default maximum number of live sessions. */
    public static final long DEFAULT_MAX_SESSIONS = 10_000;

    private final Cache<String, Session> cache;
    private final byte[] tokenKey;
    private final Engine engine;
    private final Policy policy;
    /** The types whose look-alikes a session reserves, or null for a number after any word. */
    private final TypeSet lookAlikeWords;

    /**
     * @param engine      the engine that protects texts for these sessions
     * @param policy      the engine's policy: which findings get tokens and which surrogates
     * @param idleTimeout how long an unused session lives
     * @param maxSessions how many sessions live at most; the least recently used go first
     * @param nanoTicker  the time source in nanoseconds ({@code System::nanoTime} outside tests)
     * @param tokenKey    a key for deterministic keyed tokens (at least 16 bytes), or null for
     *                    per-session numbering
     */
    public Sessions(Engine engine, Policy policy, Duration idleTimeout, long maxSessions, LongSupplier nanoTicker,
            byte[] tokenKey) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.policy = Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(nanoTicker, "nanoTicker");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("at least one session must fit, got " + maxSessions);
        }
        if (tokenKey != null && tokenKey.length < 16) {
            throw new IllegalArgumentException("a token key needs at least 16 bytes");
        }
        this.tokenKey = tokenKey == null ? null : tokenKey.clone();
        Set<EntityType> reportable = engine.reportableTypes();
        this.lookAlikeWords = reportable == null ? null
                : TypeSet.of(reportable.stream().map(EntityType::name).toList());
        this.cache = Caffeine.newBuilder()
                .expireAfterAccess(idleTimeout)
                .maximumSize(maxSessions)
                .ticker(nanoTicker::getAsLong)
                .executor(Runnable::run)
                .<String, Session>removalListener((id, session, cause) -> {
                    if (session != null) {
                        session.drop();
                    }
                })
                .build();
    }

    /**
     * The session with this id: the live one, or a new empty one.
     *
     * @throws NullPointerException if {@code id} is null
     */
    public Session get(String id) {
        Objects.requireNonNull(id, "id");
        return cache.get(id, k -> new Session(k, tokenKey, lookAlikeWords, this));
    }

    /** Ends the session with this id, if it is live. */
    public void end(String id) {
        cache.invalidate(Objects.requireNonNull(id, "id"));
    }

    /** How many sessions are live, after expiring idle ones. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Marks the session as used (idle expiry starts again), and ends it if it has expired. */
    void touch(Session session) {
        Session live = cache.getIfPresent(session.id());
        if (live != session) {
            session.drop();
        }
    }

    Engine engine() {
        return engine;
    }

    Policy policy() {
        return policy;
    }

    void forget(Session session) {
        cache.asMap().remove(session.id(), session);
    }

    @Override
    public String toString() {
        return "Sessions[live=" + cache.estimatedSize() + "]";
    }
}
