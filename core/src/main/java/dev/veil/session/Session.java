package dev.veil.session;

import dev.veil.Action;
import dev.veil.DetectionFailedException;
import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.PromptBlockedException;
import dev.veil.ProtectedText;
import dev.veil.protect.TextRewriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One conversation's reversible protection: values protected with {@link Action#PSEUDONYMIZE} or
 * {@link Action#SURROGATE} get the same token or fake value on every turn, and replies are restored
 * with this session's values only. Tokens from other sessions, tokens it never issued, and token
 * look-alikes the user typed before they were issued are left as they are.
 *
 * <p>Thread-safe: turns may be protected and replies restored from several threads. Protecting takes
 * the session's lock while it issues tokens; restoring takes none. Ending the session
 * ({@link #close()}) drops its mapping at once; so does idle expiry or eviction by the owner.
 * {@link #toString()} prints counts, never values or the id.
 */
public final class Session implements AutoCloseable {

    private final String id;
    private final Vault vault;
    private final Sessions owner;
    /** Test seam: runs when a turn has been detected, just before it issues tokens. */
    Runnable beforeIssuing = () -> { };

    Session(String id, byte[] tokenKey, TypeSet lookAlikeWords, Sessions owner) {
        this.id = id;
        this.vault = new Vault(tokenKey, lookAlikeWords);
        this.owner = owner;
    }

    /** The id this session was opened with. */
    public String id() {
        return id;
    }

    /**
     * Protects one turn of the conversation (a user message, a system prompt, a tool result) in any
     * language. Findings whose action is {@link Action#PSEUDONYMIZE} or {@link Action#SURROGATE} get
     * this session's token or fake value; other actions work as in {@code Veil.protect}.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws PromptBlockedException if the policy blocks a type that was found
     * @throws DetectionFailedException if a detector fails and the policy does not tolerate it
     * @throws IllegalStateException if the session has ended or expired
     * @throws dev.veil.VeilException if the session is full (see the README's limits)
     */
    public ProtectedText protect(CharSequence text) {
        Objects.requireNonNull(text, "text");
        touch();
        return owner.engine().protect(text, null, this::issue);
    }

    /**
     * Protects one turn in the given language; see {@link #protect(CharSequence)}, which uses the
     * engine's default language.
     *
     * @throws NullPointerException if an argument is null
     */
    public ProtectedText protect(CharSequence text, Language language) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        touch();
        return owner.engine().protect(text, language, this::issue);
    }

    /** The session's current mapping (a snapshot: immutable). */
    Mapping mapping() {
        return vault.mapping();
    }

    /**
     * Issues the tokens and surrogates for {@code reversible} (the findings among {@code rewritten}
     * that need a session) and for the issued tokens the user typed outside {@code rewritten}, in one
     * step under the vault's lock.
     */
    private Sessions.Issued issue(CharSequence text, Object key, List<Finding> rewritten, List<Finding> reversible) {
        beforeIssuing.run();
        // Full names this session already protected, where the detectors missed them this time. Read
        // before the lock: a name another turn adds meanwhile is only not looked for in this text.
        Action personAction = owner.policy().actionFor(EntityType.PERSON, 1.0);
        KnownNames names = vault.knownNames();
        List<Finding> known = personAction.needsSession() ? names.find(text, rewritten, key) : List.of();
        List<Finding> asked = reversible;
        List<Finding> taken = rewritten;
        if (!known.isEmpty()) {
            asked = new ArrayList<>(reversible);
            asked.addAll(known);
            taken = new ArrayList<>(rewritten);
            taken.addAll(known);
            taken.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        List<Vault.Item> items = new ArrayList<>(asked.size());
        for (Finding f : asked) {
            boolean surrogate = owner.policy().actionFor(f.type(), f.score()) instanceof Action.Surrogate;
            items.add(new Vault.Item(f.type(), f.valueIn(text), surrogate, false));
        }
        Vault.Issued issued = vault.protect(text, key, taken, items);
        Map<Finding, String> byFinding = new IdentityHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            byFinding.put(asked.get(i), issued.replacements()[i]);
        }
        List<Finding> typed = issued.lookAlikes();
        for (int i = 0; i < typed.size(); i++) {
            byFinding.put(typed.get(i), issued.replacements()[asked.size() + i]);
        }
        List<Finding> extra = typed;
        if (!known.isEmpty()) {
            extra = new ArrayList<>(typed);
            extra.addAll(known);
            extra.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        return new Sessions.Issued(extra, (f, t) -> byFinding.get(f));
    }

    /**
     * Protects {@code text} given the findings to act on (sorted, non-overlapping) and the action for
     * each; {@code otherReplacement} supplies the text for actions that need no session.
     */
    String protect(CharSequence text, List<Finding> findings, Function<Finding, Action> actions,
            BiFunction<Finding, CharSequence, String> otherReplacement) {
        touch();
        int prevEnd = 0;
        List<Vault.Item> items = new ArrayList<>();
        Map<Finding, Integer> itemOf = new IdentityHashMap<>();
        for (Finding f : findings) {
            if (f.start() < prevEnd || f.end() > text.length()) {
                throw new IllegalArgumentException("findings must be sorted, non-overlapping and inside the text");
            }
            prevEnd = f.end();
            Action a = actions.apply(f);
            if (a.needsSession()) {
                itemOf.put(f, items.size());
                items.add(new Vault.Item(f.type(), f.valueIn(text), a instanceof Action.Surrogate, false));
            }
        }
        Vault.Issued issued = vault.protect(text, null, findings, items);
        List<Finding> typed = issued.lookAlikes();
        for (int i = 0; i < typed.size(); i++) {
            itemOf.put(typed.get(i), items.size() + i);
        }
        List<Finding> rewritten = findings;
        if (!typed.isEmpty()) {
            rewritten = new ArrayList<>(findings);
            rewritten.addAll(typed);
            rewritten.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        return TextRewriter.rewrite(text, rewritten, (f, t) -> {
            Integer k = itemOf.get(f);
            return k != null ? issued.replacements()[k] : otherReplacement.apply(f, t);
        });
    }

    /** Protects values of the given types with tokens or surrogates; for tests before the engine. */
    String protect(CharSequence text, List<Finding> findings, Action action) {
        return protect(text, findings, f -> action, (f, t) -> "[" + f.type() + "]");
    }

    /**
     * Returns {@code reply} with every token and surrogate this session issued replaced by its original
     * value. Common alterations by models are tolerated where unambiguous ({@code [person_1]},
     * {@code PERSON_1}, {@code <PERSON_1>}, {@code **[PERSON 1]**}); see the README for the table.
     *
     * <p>With the engine's detection cache on, the restored reply is detected now as well, so the next
     * turn, which sends it back as part of the history, finds it cached.
     *
     * @throws NullPointerException if {@code reply} is null
     * @throws IllegalStateException if the session has ended or expired
     */
    public String restore(CharSequence reply) {
        Objects.requireNonNull(reply, "reply");
        touch();
        Mapping m = vault.mapping();
        String restored;
        if (m.isEmpty()) {
            restored = reply.toString();
        } else {
            StringBuilder out = new StringBuilder(reply.length() + 32);
            m.restore(reply, 0, true, out, new StringBuilder(32));
            restored = out.toString();
        }
        replied(restored);
        return restored;
    }

    /**
     * Passes a whole restored reply to the engine, which may detect it ahead of the next turn. That is
     * only a head start: if it fails, the reply is still returned and the next turn detects it again
     * (and fails closed there if detection keeps failing).
     */
    private void replied(String restored) {
        if (owner != null) {
            try {
                owner.engine().restored(restored);
            } catch (RuntimeException e) {
                // Nothing is cached; see above. The exception may quote the reply, so it goes nowhere.
            }
        }
    }

    /**
     * A restorer for one streamed reply, working on this session's values as they are now. Each chunk
     * counts as a use of the session; once the session has ended or expired, the restorer throws
     * {@link IllegalStateException} instead of revealing values. With the engine's detection cache
     * on, it keeps the restored reply (up to {@value StreamRestorer#MAX_REMEMBERED} chars) until
     * {@link StreamRestorer#finish()}, which has it detected, as {@link #restore(CharSequence)} does.
     *
     * @throws IllegalStateException if the session has ended or expired
     */
    public StreamRestorer streamRestorer() {
        touch();
        return new StreamRestorer(vault.mapping(), this::touch,
                owner != null && owner.engine().wantsRestoredReplies() ? this::replied : null);
    }

    /**
     * This session's mapping, encrypted and authenticated with {@code key} (AES-GCM, 16, 24 or 32
     * bytes), so a later process can {@link #importMapping import} it and restore outputs. Keep the
     * key secret: whoever has both can read every value.
     *
     * @throws IllegalArgumentException if the key has the wrong length
     * @throws IllegalStateException if the session has ended or expired
     */
    public byte[] exportMapping(byte[] key) {
        Objects.requireNonNull(key, "key");
        touch();
        return MappingCodec.seal(key, vault.exportState());
    }

    /**
     * Loads a mapping {@linkplain #exportMapping exported} earlier into this new session, one that has
     * protected nothing yet (a look-alike typed there could be a token of the mapping). All or nothing:
     * on any failure the session is unchanged.
     *
     * @throws dev.veil.VeilException if the key is wrong or the data was altered or malformed
     * @throws IllegalArgumentException if the key has the wrong length
     * @throws IllegalStateException if this session has protected a text or holds values, or has ended
     */
    public void importMapping(byte[] key, byte[] exported) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(exported, "exported");
        touch();
        vault.install(MappingCodec.read(MappingCodec.open(key, exported)));
    }

    /** How many distinct values this session has protected. */
    public int size() {
        return vault.size();
    }

    /** Whether this session has ended or expired. */
    public boolean isClosed() {
        return vault.isClosed();
    }

    /** Ends the session: its mapping is dropped and its id starts afresh next time. Idempotent. */
    @Override
    public void close() {
        vault.close();
        if (owner != null) {
            owner.forget(this);
        }
    }

    /** Drops the mapping without telling the owner; called by the owner on expiry and eviction. */
    void drop() {
        vault.close();
    }

    private void touch() {
        if (owner != null) {
            owner.touch(this);
        }
        if (vault.isClosed()) {
            throw new IllegalStateException("this session has ended or expired; get a new one from Veil.session(id)");
        }
    }


    @Override
    public String toString() {
        return "Session[values=" + vault.size() + (vault.isClosed() ? ", closed" : "") + "]";
    }
}
